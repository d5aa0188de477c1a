// Several scenarios at once, each with its own executor and exec function.
import { Counter } from 'k6/metrics';
import exec from 'k6/execution';
import { sleep } from 'k6';

const perVu = new Counter('per_vu_iterations');
const shared = new Counter('shared_iterations');

export const options = {
  scenarios: {
    shared: { executor: 'shared-iterations', vus: 3, iterations: 20, exec: 'sharedFn', tags: { kind: 'shared' } },
    each: { executor: 'per-vu-iterations', vus: 2, iterations: 4, exec: 'eachFn', startTime: '100ms' },
    slow: { executor: 'constant-vus', vus: 1, duration: '1s', gracefulStop: '0s', exec: 'slowFn' },
  },
  thresholds: {
    'shared_iterations{kind:shared}': ['count==20'],
    per_vu_iterations: ['count==8'],
  },
};

export function sharedFn() { shared.add(1); }
export function eachFn() { perVu.add(1, { vu: String(exec.vu.idInInstance), scenario_iter: String(exec.vu.iterationInScenario) }); }
export function slowFn() { sleep(5); }
