// Two scenarios at once: ./k6j run examples/scenarios.js
// Each scenario has its own executor and runs its own exported function (`exec`); they run in
// parallel, each from its `startTime`. Every sample carries the `scenario` tag, so thresholds
// can judge each scenario on its own.
//   browse:   3 VUs loop over browse() for 4 s                 (constant-vus)
//   checkout: 2 VUs run checkout() 3 times each, from 1 s on  (per-vu-iterations)
import { check, sleep } from 'k6';
import exec from 'k6/execution';

export const options = {
  scenarios: {
    browse: {
      executor: 'constant-vus',
      exec: 'browse',
      vus: 3,
      duration: '4s',
      tags: { flow: 'read' },
    },
    checkout: {
      executor: 'per-vu-iterations',
      exec: 'checkout',
      vus: 2,
      iterations: 3,
      startTime: '1s',
      maxDuration: '10s',
      gracefulStop: '2s',
      tags: { flow: 'write' },
    },
  },
  thresholds: {
    'iteration_duration{scenario:browse}': ['p(95)<400'],
    'iteration_duration{scenario:checkout}': ['p(95)<800'],
    'iterations{scenario:checkout}': ['count==6'],
    'checks{flow:write}': ['rate==1'],
  },
};

export function browse() {
  check(exec.scenario, { 'runs in browse': (s) => s.name === 'browse' && s.executor === 'constant-vus' });
  sleep(0.2);
}

export function checkout() {
  const { name, iterationInInstance, progress } = exec.scenario;
  console.log(`${name}: iteration ${iterationInInstance} by VU ${exec.vu.idInInstance}, ` +
    `${Math.round(progress * 100)}% done`);
  check(name, { 'runs in checkout': (n) => n === 'checkout' });
  sleep(0.5);
}
