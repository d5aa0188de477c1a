// A short HTTP test with what the dashboard breaks down: two scenarios, groups, checks, thresholds, and a custom
// Trend and Counter (an extension's metrics look the same). BASE is the testbed's HTTP address.
import http from 'k6/http';
import { check, group, sleep } from 'k6';
import { Counter, Trend } from 'k6/metrics';

const cartSize = new Trend('cart_size');
const orders = new Counter('orders_placed');

export const options = {
  scenarios: {
    browse: { executor: 'constant-vus', vus: 2, duration: __ENV.DURATION || '6s', exec: 'browse' },
    api: { executor: 'constant-arrival-rate', rate: 4, timeUnit: '1s', duration: __ENV.DURATION || '6s',
      preAllocatedVUs: 2, exec: 'api' },
  },
  thresholds: {
    http_req_duration: ['p(95)<2000'],
    checks: ['rate>0.99'],
    'http_req_duration{scenario:api}': ['avg<0.001'],
  },
};

const base = __ENV.BASE;

export function browse() {
  group('home', () => {
    check(http.get(base + '/hello'), { 'home is 200': (r) => r.status === 200 });
  });
  group('catalog', () => {
    const res = http.get(base + '/json');
    check(res, { 'catalog is 200': (r) => r.status === 200 });
    cartSize.add(1 + (__ITER % 5));
  });
  sleep(0.2);
}

export function api() {
  check(http.get(base + '/get?item=' + __ITER), { 'api is 200': (r) => r.status === 200 });
  orders.add(1);
}
