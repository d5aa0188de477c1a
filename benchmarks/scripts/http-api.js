// An API-style HTTP test (benchmarks/js-runtime.sh): per iteration, GET a JSON document and check
// fields of it in JavaScript, then POST a JSON body built in JavaScript and check the echo; a custom
// Trend and tags as real scripts have them. No think time, so the run measures how much k6j gets
// out of the machine. TARGET is the testbed's base URL (http://127.0.0.1:PORT).
import http from 'k6/http';
import { check } from 'k6';
import { Trend } from 'k6/metrics';

const base = __ENV.TARGET;
const docSize = new Trend('doc_keys');

export default function () {
  const res = http.get(`${base}/json`, { tags: { name: 'document' } });
  const doc = res.json();
  docSize.add(Object.keys(doc).length);
  check(res, {
    'document is 200': (r) => r.status === 200,
    'document has keys': () => Object.keys(doc).length > 0,
  });

  const body = JSON.stringify({ vu: __VU, iteration: __ITER, items: [1, 2, 3].map((i) => ({ i, at: Date.now() })) });
  const echo = http.post(`${base}/post`, body, { headers: { 'Content-Type': 'application/json' }, tags: { name: 'echo' } });
  check(echo, {
    'echo is 200': (r) => r.status === 200,
    'echo returns the body': (r) => JSON.parse(r.json().data).vu === __VU,
  });
}
