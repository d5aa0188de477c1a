// Arrival-rate executors: exact schedules, dropped iterations, VUs initialized mid-test.
import { sleep } from 'k6';

export const options = {
  scenarios: {
    steady: { executor: 'constant-arrival-rate', rate: 50, timeUnit: '1s', duration: '2s', preAllocatedVUs: 8, exec: 'quick' },
    ramp: {
      executor: 'ramping-arrival-rate', startRate: 0, timeUnit: '1s', preAllocatedVUs: 8,
      stages: [{ duration: '2s', target: 40 }], exec: 'quick',
    },
    starved: {
      executor: 'constant-arrival-rate', rate: 10, timeUnit: '1s', duration: '1s', preAllocatedVUs: 1, maxVUs: 1,
      exec: 'slow',
    },
    grow: {
      executor: 'constant-arrival-rate', rate: 20, timeUnit: '1s', duration: '1s', preAllocatedVUs: 1, maxVUs: 4,
      exec: 'slower',
    },
  },
  thresholds: {
    'iterations{scenario:steady}': ['count>=0'],
    'iterations{scenario:ramp}': ['count>=0'],
    'iterations{scenario:starved}': ['count>=0'],
    'dropped_iterations{scenario:steady}': ['count>=0'],
    'dropped_iterations{scenario:ramp}': ['count>=0'],
    'dropped_iterations{scenario:starved}': ['count>=0'],
  },
};

export function quick() { sleep(0.01); }
export function slow() { sleep(0.35); }
export function slower() { sleep(0.2); }

export function handleSummary(data) {
  const count = (name) => (data.metrics[name] ? data.metrics[name].values.count : 0);
  return {
    stdout: JSON.stringify({
      steady: count('iterations{scenario:steady}'),
      steadyDropped: count('dropped_iterations{scenario:steady}'),
      ramp: count('iterations{scenario:ramp}'),
      rampDropped: count('dropped_iterations{scenario:ramp}'),
      starved: count('iterations{scenario:starved}'),
      starvedDropped: count('dropped_iterations{scenario:starved}'),
      vusMax: data.metrics.vus_max.values.max,
    }) + '\n',
  };
}
