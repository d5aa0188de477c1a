// Asynchronous requests: http.asyncRequest returns a Promise, so several requests of one VU run at once
// and the iteration waits for them with await. Failures are responses with status 0 and an error code.
//   ./k6j run examples/http-async.js          (testbed/run in another terminal)
import http from 'k6/http';
import { check } from 'k6';

const BASE = __ENV.BASE || 'http://127.0.0.1:16080';

export const options = {
  iterations: 3,
  thresholds: { checks: ['rate==1.0'] },
};

// 404 is what this test expects from /status/404, so it does not count in http_req_failed.
http.setResponseCallback(http.expectedStatuses({ min: 200, max: 299 }, 404));

export default async function () {
  const [slow, missing, fast] = await Promise.all([
    http.asyncRequest('GET', `${BASE}/delay/0.3`),
    http.asyncRequest('GET', `${BASE}/status/404`),
    http.asyncRequest('GET', `${BASE}/get`),
  ]);
  check(slow, { 'slow one answered': (r) => r.status === 200 });
  check(missing, { '404 with k6 error code 1404': (r) => r.status === 404 && r.error_code === 1404 });
  check(fast, { 'fast one answered': (r) => r.status === 200 });

  const timedOut = await http.asyncRequest('GET', `${BASE}/delay/2`, null, { timeout: '500ms' });
  check(timedOut, { 'a timeout is status 0, error code 1050': (r) => r.status === 0 && r.error_code === 1050 });
}
