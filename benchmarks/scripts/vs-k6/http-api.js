// vs-k6.sh's "api" workload, run unchanged by k6 and k6j: GET a JSON document, parse it with r.json(), build a
// JSON text from it with JSON.stringify, and three checks; no think time.
import http from 'k6/http';
import { check } from 'k6';

const url = `${__ENV.TARGET}/api.json`;

export default function () {
  const res = http.get(url);
  const doc = res.json();
  const out = JSON.stringify({ id: doc.id, count: doc.items.length, owner: doc.owner.email });
  check(res, {
    'status is 200': (r) => r.status === 200,
    'has 20 items': () => doc.items.length === 20,
    'serialized': () => out.length > 10,
  });
}
