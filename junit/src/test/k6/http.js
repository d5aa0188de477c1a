// GETs __ENV.BASE_URL once per iteration.
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 3, thresholds: { http_req_failed: ['rate==0'] } };

export default function () {
  check(http.get(`${__ENV.BASE_URL}/ping`), { 'status is 200': (r) => r.status === 200 });
}
