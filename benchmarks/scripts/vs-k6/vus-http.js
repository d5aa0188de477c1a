// vs-k6.sh's "vus1k" and "vus10k" workloads, run unchanged by k6 and k6j: many VUs, each iteration one GET and
// one second of think time, the shape of most real k6 tests.
// Each VU's first iteration adds the time since the tool was launched (T0, ms since the epoch, set by the
// benchmark just before it starts the tool) to vu_first_iteration_ms: its max is when the last VU began
// working, so "all VUs initialized" is measured the same way for both tools.
import http from 'k6/http';
import { sleep } from 'k6';
import { Trend } from 'k6/metrics';

const firstIteration = new Trend('vu_first_iteration_ms');
const launched = Number(__ENV.T0);
const url = `${__ENV.TARGET}/hello`;

export default function () {
  if (__ITER === 0) {
    firstIteration.add(Date.now() - launched);
  }
  http.get(url);
  sleep(1);
}
