// Ramping VUs with stages: ./k6j run examples/ramping-vus.js
// `stages` is the shortcut for one ramping-vus scenario: the number of looping VUs moves in a
// straight line from one target to the next. Here: up from 1 VU (the default start) to 4 VUs
// in 1 s, hold 4 for 2 s, down to 0 in 1 s. A VU that is no longer needed finishes its
// iteration and stops.
// Stages on the command line replace the script's: up to 8 VUs in 2 s, then down in 2 s:
//   ./k6j run -s 2s:8 -s 2s:0 examples/ramping-vus.js
import { sleep } from 'k6';
import exec from 'k6/execution';

export const options = {
  stages: [
    { duration: '1s', target: 4 },
    { duration: '2s', target: 4 },
    { duration: '1s', target: 0 },
  ],
  thresholds: {
    iterations: ['count>20'],
  },
};

export default function () {
  if (__ITER === 0) {
    console.log(`VU ${exec.vu.idInInstance} started at ${Math.round(exec.instance.currentTestRunDuration)} ms, ` +
      `${exec.instance.vusActive} VUs active`);
  }
  sleep(0.25);
}
