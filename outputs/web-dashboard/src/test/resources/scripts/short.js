import http from 'k6/http';
import { check } from 'k6';
export const options = { vus: 2, iterations: 10, thresholds: { checks: ['rate==1'] } };
export default function () {
  check(http.get(__ENV.BASE + '/hello'), { 'is 200': (r) => r.status === 200 });
}
