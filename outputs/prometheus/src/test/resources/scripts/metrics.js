// One metric of each kind, with values that differ per iteration, for comparing what Prometheus stores with the
// end-of-test summary. DURATION (e.g. 15s) runs for a while instead of a fixed number of iterations.
import { check, sleep } from 'k6';
import { Counter, Gauge, Rate, Trend } from 'k6/metrics';

const items = new Counter('my_counter');
const level = new Gauge('my_gauge');
const hits = new Rate('my_rate');
const latency = new Trend('my_trend', true);
const sizes = new Trend('my_plain_trend');

export const options = __ENV.DURATION
    ? { vus: 2, duration: __ENV.DURATION }
    : { vus: 2, iterations: 60 };

export default function () {
    const i = __ITER * 2 + __VU;
    items.add(1 + (i % 3));
    level.add(i * 1.5);
    hits.add(i % 3 === 0);
    latency.add(10 + ((i * 37) % 91) + 0.25 * (i % 4));
    sizes.add(1000 + ((i * 13) % 17));
    check(i, { 'is not a multiple of 4': (n) => n % 4 !== 0 });
    sleep(Number(__ENV.SLEEP || '0.02'));
}
