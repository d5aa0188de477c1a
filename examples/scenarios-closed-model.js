// Closed-model scenarios: ./k6j run examples/scenarios-closed-model.js
// Four scenarios run side by side, each with its own executor, function, tags and environment. In a closed model
// a VU starts its next iteration only when the previous one ended, so slow iterations mean fewer iterations.
// It needs no network: the "requests" are sleeps. About 12 seconds.
import { check, sleep } from 'k6';
import exec from 'k6/execution';
import { Counter } from 'k6/metrics';

const orders = new Counter('orders');

export const options = {
  scenarios: {
    // 20 iterations in total, taken by whichever of the 4 VUs is free.
    warmup: { executor: 'shared-iterations', vus: 4, iterations: 20, maxDuration: '10s', exec: 'browse' },
    // Each of 3 VUs runs exactly 5 iterations, starting 2 seconds into the test.
    checkout: {
      executor: 'per-vu-iterations', vus: 3, iterations: 5, startTime: '2s', exec: 'checkout',
      tags: { flow: 'checkout' }, env: { PAYMENT: 'card' },
    },
    // 5 VUs loop for 8 seconds; an iteration still running then gets 2 more seconds to finish.
    steady: { executor: 'constant-vus', vus: 5, duration: '8s', gracefulStop: '2s', exec: 'browse' },
    // Up to 6 VUs following the stages; VUs taken away finish their iteration first (gracefulRampDown).
    peak: {
      executor: 'ramping-vus', startVUs: 0, startTime: '2s', gracefulRampDown: '1s', exec: 'browse',
      stages: [{ duration: '3s', target: 6 }, { duration: '2s', target: 6 }, { duration: '3s', target: 0 }],
    },
  },
  thresholds: {
    checks: ['rate==1'],
    'orders{flow:checkout}': ['count==15'],
    'iteration_duration{scenario:steady}': ['p(95)<1000'],
  },
};

export function browse() {
  sleep(0.2 + Math.random() * 0.3);
}

export function checkout() {
  orders.add(1);
  check(exec, {
    'the scenario env reaches __ENV': () => __ENV.PAYMENT === 'card',
    'each VU runs its own 5 iterations': (e) => e.vu.iterationInScenario < 5,
  });
  sleep(0.5);
}
