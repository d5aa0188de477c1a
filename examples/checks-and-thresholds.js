// Checks and thresholds: ./k6j run examples/checks-and-thresholds.js
// A check records a pass or a fail in the `checks` metric and never stops the iteration; a
// threshold turns metrics into a verdict: when one fails, the run ends with exit code 99.
// This run passes. To watch it fail, set ERROR_RATE to something above 0.05:
//   ./k6j run -e ERROR_RATE=0.3 examples/checks-and-thresholds.js     (exit code 99)
import { check, sleep } from 'k6';
import { Trend } from 'k6/metrics';

const errorRate = Number(__ENV.ERROR_RATE || 0);
const pricing = new Trend('pricing_time', true); // true: the values are milliseconds

export const options = {
  vus: 3,
  duration: '3s',
  thresholds: {
    // Every check, all together: at most 5% may fail.
    checks: ['rate>0.95'],
    // Only the checks tagged { step: 'price' }: a sub-metric, selected by a tag filter.
    'checks{step:price}': ['rate==1'],
    // Several expressions on one trend: all must hold for the metric to get its ✓.
    pricing_time: ['p(95)<50', 'avg<20', 'max<100'],
    // Stop the run as soon as this fails, but not in its first second.
    iteration_duration: [{ threshold: 'p(99)<1000', abortOnFail: true, delayAbortEval: '1s' }],
  },
};

function priceOf(items) {
  const total = items.reduce((sum, item) => sum + item.price * item.qty, 0);
  pricing.add(2 + Math.random() * 8); // a made-up pricing time of 2 to 10 ms
  return Math.round(total * 100) / 100;
}

export default function () {
  const items = [
    { price: 4.5, qty: 2 },
    { price: 12, qty: 1 },
  ];
  const total = priceOf(items);
  const failing = Math.random() < errorRate;

  check(total, { 'the total is 21': (t) => t === 21 }, { step: 'price' });
  check(failing ? null : { id: 1 }, {
    'an order came back': (o) => o !== null,
    'it has an id': (o) => o !== null && o.id > 0,
  });

  sleep(0.2);
}
