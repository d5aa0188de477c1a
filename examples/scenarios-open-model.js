// Open-model scenarios: ./k6j run examples/scenarios-open-model.js
// Arrival-rate executors start iterations on a schedule, whatever the iterations take: a slow system gets the
// same arrivals, as real users would keep coming. When no VU is free an iteration is dropped
// (dropped_iterations) and, up to maxVUs, another VU is initialized. About 11 seconds, no network.
import { sleep } from 'k6';

export const options = {
  scenarios: {
    // 20 iterations every second for 10 seconds: 200 in all, when VUs are free for each of them.
    steady: {
      executor: 'constant-arrival-rate', rate: 20, timeUnit: '1s', duration: '10s',
      preAllocatedVUs: 10, maxVUs: 20, exec: 'fast',
    },
    // From 0 to 30 iterations per second and back down; responses get slow at the peak, so more VUs are needed.
    spike: {
      executor: 'ramping-arrival-rate', startRate: 0, timeUnit: '1s', preAllocatedVUs: 2, maxVUs: 8,
      stages: [{ duration: '4s', target: 30 }, { duration: '2s', target: 30 }, { duration: '4s', target: 0 }],
      exec: 'slowAtThePeak',
    },
  },
  thresholds: {
    // 200 unless the machine is so busy that even 10 VUs are all still at work when an iteration is due.
    'iterations{scenario:steady}': ['count>=190'],
    // The spike is meant to overflow 8 VUs: some of its iterations are dropped, and it says how many.
    'dropped_iterations{scenario:spike}': ['count>=0'],
  },
};

export function fast() {
  sleep(0.05 + Math.random() * 0.1);
}

export function slowAtThePeak() {
  sleep(Math.random() < 0.3 ? 0.8 : 0.1);
}
