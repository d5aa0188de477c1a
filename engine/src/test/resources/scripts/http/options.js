// Test-wide HTTP options: userAgent, maxRedirects, discardResponseBodies, noVUConnectionReuse, httpDebug.
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  iterations: 2,
  thresholds: { checks: ['rate==1'] },
  userAgent: 'options-agent/2.0',
  maxRedirects: 1,
  discardResponseBodies: true,
  noVUConnectionReuse: true,
  httpDebug: 'full',
};
const BASE = __ENV.HTTP;

export default function () {
  const first = http.get(`${BASE}/user-agent`, { responseType: 'text' });
  check(first, {
    'userAgent option': (r) => r.json('user-agent') === 'options-agent/2.0',
    'noVUConnectionReuse: new connection each iteration': (r) => r.timings.connecting > 0,
  });
  check(http.get(`${BASE}/get`), {
    'discardResponseBodies': (r) => r.status === 200 && r.body === null,
    'same iteration reuses the connection': (r) => r.timings.connecting === 0,
  });
  check(http.get(`${BASE}/redirect/2`), { 'maxRedirects option': (r) => r.status === 302 });
}
