// The service's smoke load test: 4 VUs share 40 requests to /hello. The build fails when a
// request fails or an answer is wrong. It sets no response-time budget: a build machine's
// cores are shared by the build, the service and k6j, so times measured there say little
// (HelloLoadTest shows a latency threshold against a service made slow on purpose).
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  vus: 4,
  iterations: 40,
  thresholds: {
    http_req_failed: ['rate<0.01'],
    checks: ['rate==1'],
  },
};

const BASE_URL = __ENV.BASE_URL || 'http://127.0.0.1:8080';

export default function () {
  const res = http.get(`${BASE_URL}/hello?name=k6j`);
  check(res, {
    'status is 200': (r) => r.status === 200,
    'greets by name': (r) => r.json('greeting') === 'Hello, k6j!',
  });
}
