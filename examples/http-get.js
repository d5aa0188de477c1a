// A first HTTP test against the testbed. Start the testbed in another terminal with testbed/run, then:
//   ./k6j run examples/http-get.js
// Ten VUs fetch a page for ten seconds; the thresholds fail the run (exit code 99) if more than 1% of
// requests fail or the 95th percentile gets slower than 200 ms. BASE points elsewhere: -e BASE=http://host:port
import http from 'k6/http';
import { check, sleep } from 'k6';

const BASE = __ENV.BASE || 'http://127.0.0.1:16080';

export const options = {
  vus: 10,
  duration: '10s',
  thresholds: {
    http_req_failed: ['rate<0.01'],
    http_req_duration: ['p(95)<200'],
    checks: ['rate==1.0'],
  },
};

export default function () {
  const res = http.get(`${BASE}/get?page=${__ITER}`);
  check(res, {
    'status is 200': (r) => r.status === 200,
    'the server saw our query': (r) => r.json('args.page') === String(__ITER),
  });
  sleep(0.1);
}
