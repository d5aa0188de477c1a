// One test split across instances with execution segments. As one process:
//
//   ./k6j run examples/scenarios-segments.js
//
// and as three processes, each running a third (on one machine or three), which together run exactly the same:
//
//   ./k6j run -a "" --execution-segment 0:1/3   --execution-segment-sequence 0,1/3,2/3,1 examples/scenarios-segments.js
//   ./k6j run -a "" --execution-segment 1/3:2/3 --execution-segment-sequence 0,1/3,2/3,1 examples/scenarios-segments.js
//   ./k6j run -a "" --execution-segment 2/3:1   --execution-segment-sequence 0,1/3,2/3,1 examples/scenarios-segments.js
//
// (-a "" turns the REST API off, so three instances on one machine don't compete for its port.) Every instance logs
// its share: VUs, iterations and arrivals are split without overlap, and exec.vu.idInTest and
// exec.scenario.iterationInTest are unique across all of them. About 5 seconds.
import exec from 'k6/execution';
import { sleep } from 'k6';

export const options = {
  scenarios: {
    users: { executor: 'shared-iterations', vus: 6, iterations: 60, exec: 'user' },
    arrivals: {
      executor: 'constant-arrival-rate', rate: 25, timeUnit: '1s', duration: '4s', preAllocatedVUs: 6,
      exec: 'arrival',
    },
  },
};

export function user() {
  if (exec.scenario.iterationInInstance === 0) {
    console.log(`segment ${exec.test.options.executionSegment || '0:1'}: users, VU ${exec.vu.idInTest} of the whole test`);
  }
  sleep(0.1);
}

export function arrival() {
  if (exec.scenario.iterationInInstance === 0) {
    console.log(`segment ${exec.test.options.executionSegment || '0:1'}: first arrival is number ${exec.scenario.iterationInTest}`);
  }
}
