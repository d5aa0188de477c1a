// The same workload split across instances: every iteration says which one it is in the whole test.
import exec from 'k6/execution';
import { Counter } from 'k6/metrics';

const done = new Counter('done');

export const options = {
  scenarios: {
    shared: { executor: 'shared-iterations', vus: 3, iterations: 30, exec: 'work' },
    rate: { executor: 'constant-arrival-rate', rate: 20, timeUnit: '1s', duration: '1s', preAllocatedVUs: 12, exec: 'work' },
  },
};

export function work() {
  done.add(1, { it: String(exec.scenario.iterationInTest), vu: String(exec.vu.idInTest) });
}
