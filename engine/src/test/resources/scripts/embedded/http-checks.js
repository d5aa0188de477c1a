// Requests __ENV.BASE_URL; the test passes when every request succeeds.
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  iterations: 6,
  vus: 2,
  thresholds: {
    http_req_failed: ['rate<0.01'],
    checks: ['rate==1'],
  },
};

export default function () {
  const res = http.get(`${__ENV.BASE_URL}/hello`);
  check(res, { 'status is 200': (r) => r.status === 200 });
}
