// The quick-start test: ./k6j run examples/hello.js
// Five virtual users run this function over and over for five seconds. Each iteration does a
// little work, checks the result and pauses; the threshold makes the run fail (exit code 99)
// if any check fails. It needs no network, so it runs anywhere.
import { check, sleep } from 'k6';

export const options = {
  vus: 5,
  duration: '5s',
  thresholds: {
    checks: ['rate==1.0'],
  },
};

export default function () {
  const order = { id: __VU * 1000 + __ITER, items: [1, 2, 3].map((n) => ({ sku: `sku-${n}`, qty: n })) };
  const copy = JSON.parse(JSON.stringify(order));

  check(copy, {
    'the order survives a JSON round trip': (o) => o.id === order.id,
    'it has three items': (o) => o.items.length === 3,
  });

  sleep(0.5);
}
