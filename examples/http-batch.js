// Parallel requests in one VU with http.batch (at most `batchPerHost` to one host at once), and
// http.url, which groups URLs with ids under one `name` tag.
//   ./k6j run examples/http-batch.js          (testbed/run in another terminal)
import http from 'k6/http';
import { check } from 'k6';

const BASE = __ENV.BASE || 'http://127.0.0.1:16080';

export const options = {
  iterations: 5,
  batchPerHost: 4,
  thresholds: { checks: ['rate==1.0'] },
};

export default function () {
  const responses = http.batch([
    ['GET', `${BASE}/get`],
    ['POST', `${BASE}/post`, 'hello'],
    { method: 'GET', url: `${BASE}/delay/0.1` },
    ...[1, 2, 3].map((id) => http.url`${BASE}/anything/items/${id}`),
  ]);
  check(responses, {
    'all six answered': (rs) => rs.length === 6 && rs.every((r) => r.status === 200),
    'the POST body arrived': (rs) => rs[1].json('data') === 'hello',
  });

  const named = http.batch({ me: `${BASE}/ip`, agent: `${BASE}/user-agent` });
  check(named, { 'named results': (rs) => rs.me.status === 200 && rs.agent.json('user-agent').startsWith('k6j/') });
}
