// Groups and tags: ./k6j run examples/groups-and-tags.js
// Groups nest code under a name: every sample taken inside carries the `group` tag
// (`::shop::checkout`), each group's duration goes to `group_duration`, and the summary lists
// checks by group. Tags come from several places and all end up on the samples:
//   options.tags or --tag       every sample of the test
//   scenarios.<name>.tags       every sample of that scenario (plus the `scenario` tag itself)
//   exec.vu.metrics.tags        every later sample of this VU, set and removed by the script
//   check(..., tags) / add(v, tags)   one sample
// Try ./k6j run --out json=k6j-results/groups.json examples/groups-and-tags.js to see them.
import { check, group, sleep } from 'k6';
import exec from 'k6/execution';
import { Counter } from 'k6/metrics';

const cartItems = new Counter('cart_items');

export const options = {
  tags: { team: 'checkout' },
  scenarios: {
    shoppers: {
      executor: 'per-vu-iterations',
      vus: 2,
      iterations: 5,
      tags: { kind: 'shopper' },
    },
  },
  thresholds: {
    // Sub-metrics by tag. `group:::shop::checkout` is the tag `group` with the value `::shop::checkout`.
    'group_duration{group:::shop::checkout}': ['p(95)<500'],
    'checks{group:::shop::browse}': ['rate==1'],
    'cart_items{tier:gold}': ['count>0'],
    'checks{team:checkout}': ['rate==1'],
  },
};

export default function () {
  // A tag of this VU from now on, until it is deleted: here, a customer tier per VU.
  exec.vu.metrics.tags.tier = exec.vu.idInInstance === 1 ? 'gold' : 'silver';

  group('shop', () => {
    group('browse', () => {
      const page = { products: 12 };
      check(page, { 'products are listed': (p) => p.products > 0 });
      sleep(0.05);
    });

    group('checkout', () => {
      const items = 1 + (__ITER % 3);
      cartItems.add(items, { source: 'web' });
      check(items, { 'the cart is not empty': (n) => n > 0 }, { step: 'cart' });
      sleep(0.1);
    });
  });

  delete exec.vu.metrics.tags.tier;
}
