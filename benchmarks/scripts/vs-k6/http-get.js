// vs-k6.sh's "get" workload, run unchanged by k6 and k6j: one GET and one check per iteration, no think time.
import http from 'k6/http';
import { check } from 'k6';

const url = `${__ENV.TARGET}/hello`;

export default function () {
  const res = http.get(url);
  check(res, { 'status is 200': (r) => r.status === 200 });
}
