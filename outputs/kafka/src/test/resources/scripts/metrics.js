// Samples of every metric type for the kafka output's end-to-end tests: values differ per iteration, and one tag
// has the characters InfluxDB line protocol escapes (space, comma, equals) and JSON escapes (quote, <, &).
// DURATION (e.g. 12s) runs for a while instead of a fixed number of iterations; SLEEP sets the pause.
import { check, group, sleep } from 'k6';
import { Counter, Gauge, Rate, Trend } from 'k6/metrics';

const orders = new Counter('orders');
const queue = new Gauge('queue_depth');
const hits = new Rate('cache_hits');
const wait = new Trend('wait_time', true);

export const options = __ENV.DURATION
    ? { vus: 2, duration: __ENV.DURATION }
    : { vus: 2, iterations: 40 };

export default function () {
    const n = __ITER * 2 + __VU;
    group('shop', () => {
        orders.add(1 + (n % 4), { 'page name': 'list, sorted=yes "<&>"' });
        queue.add(n * 0.5);
        hits.add(n % 3 !== 0);
        wait.add(5 + ((n * 29) % 83) + 0.125 * (n % 8));
    });
    check(n, { 'is odd': (v) => v % 2 === 1 });
    sleep(Number(__ENV.SLEEP || '0.02'));
}
