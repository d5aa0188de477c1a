// vs-k6.sh's "vus30k" workload, run unchanged by k6 and k6j: tens of thousands of VUs that sleep one second and
// count a custom metric per iteration (no connection each: the open-file limit would not allow 30,000).
// vu_first_iteration_ms: as in vus-http.js, its max is when the last VU began working, counted from launch (T0).
import { sleep } from 'k6';
import { Counter, Trend } from 'k6/metrics';

const firstIteration = new Trend('vu_first_iteration_ms');
const ticks = new Counter('ticks');
const launched = Number(__ENV.T0);

export default function () {
  if (__ITER === 0) {
    firstIteration.add(Date.now() - launched);
  }
  ticks.add(1);
  sleep(1);
}
