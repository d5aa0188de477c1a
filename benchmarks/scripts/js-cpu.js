// CPU benchmark of JavaScript itself (benchmarks/js-runtime.sh): no network, each iteration does
// the kind of work test scripts do between requests: build a payload and round-trip it through JSON,
// pick fields out with regular expressions, hash with k6/crypto, and sort/map/reduce an array.
// Measured as iterations/s of a fixed-duration run (k6j run -u 2 -d 30s).
import { check } from 'k6';
import crypto from 'k6/crypto';

const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'];

function payload(n) {
  const items = [];
  for (let i = 0; i < n; i++) {
    items.push({ id: i, name: words[i % words.length] + '-' + i, price: (i * 37) % 1000 / 10, tags: [words[i % 3], words[i % 5]] });
  }
  return { user: 'vu' + __VU, iteration: __ITER, items };
}

export default function () {
  const doc = JSON.parse(JSON.stringify(payload(200)));

  const text = JSON.stringify(doc.items);
  const ids = [];
  const re = /"name":"([a-z]+)-(\d+)"/g;
  let m;
  while ((m = re.exec(text)) !== null) {
    if (m[1].length > 3) ids.push(Number(m[2]));
  }

  const digest = crypto.sha256(text, 'hex');

  const total = doc.items
    .filter((it) => it.tags.includes('beta'))
    .map((it) => it.price * 2)
    .sort((a, b) => b - a)
    .reduce((sum, p) => sum + p, 0);

  check(digest, { 'the digest is hex': (d) => /^[0-9a-f]{64}$/.test(d) && ids.length > 0 && total > 0 });
}
