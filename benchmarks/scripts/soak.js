// The k6j side of benchmarks/soak.sh: a GET with a check and a short think time, as a long test does.
import http from 'k6/http';
import { check, sleep } from 'k6';

const target = __ENV.TARGET;
const think = Number(__ENV.THINK || 0.1);

export default function () {
  const res = http.get(target);
  check(res, { 'status is 200': (r) => r.status === 200 });
  sleep(think);
}
