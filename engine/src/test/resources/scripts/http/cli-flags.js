// HTTP options from CLI flags (run with --user-agent, --max-redirects, --discard-response-bodies).
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

export default function () {
  check(http.get(`${__ENV.HTTP}/user-agent`, { responseType: 'text' }), {
    '--user-agent': (r) => r.json('user-agent') === 'flag-agent',
  });
  check(http.get(`${__ENV.HTTP}/redirect/1`), { '--max-redirects': (r) => r.status === 302 });
  check(http.get(`${__ENV.HTTP}/get`), { '--discard-response-bodies': (r) => r.body === null });
}
