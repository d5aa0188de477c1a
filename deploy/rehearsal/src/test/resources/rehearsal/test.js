// The rehearsal's TestRun script (its ConfigMap): three executors whose work execution segments split exactly.
// Every iteration records its number in the whole test (exec.scenario.iterationInTest) and its VU's number in the
// whole test, so the rehearsal can check that the runners together ran each iteration once.
import http from 'k6/http';
import exec from 'k6/execution';
import { check } from 'k6';
import { Counter } from 'k6/metrics';

const ran = new Counter('rehearsal_iterations');

export const options = {
  scenarios: {
    shared: { executor: 'shared-iterations', vus: 5, iterations: 40, maxDuration: '2m' },
    per_vu: { executor: 'per-vu-iterations', vus: 4, iterations: 3, maxDuration: '2m' },
    arrival: {
      // 16 iterations, at 0 s, 0.2 s, ... 3 s: the duration ends between two of them, so that no iteration is due
      // at its very end, where k6 itself may or may not start one.
      executor: 'constant-arrival-rate', rate: 5, timeUnit: '1s', duration: '3100ms',
      preAllocatedVUs: 6, maxVUs: 6, gracefulStop: '30s',
    },
  },
  thresholds: {
    checks: ['rate==1'],
    http_req_failed: [{ threshold: 'rate==0', abortOnFail: true, delayAbortEval: '10s' }],
  },
};

export default function () {
  const res = http.get(`${__ENV.TARGET}/get?scenario=${exec.scenario.name}`);
  check(res, { 'status is 200': (r) => r.status === 200 });
  ran.add(1, {
    iteration_in_test: String(exec.scenario.iterationInTest),
    vu_in_test: String(exec.vu.idInTest),
  });
}
