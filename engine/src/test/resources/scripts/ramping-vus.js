// ramping-vus: every iteration records how many VUs are active and when.
import { sleep } from 'k6';
import exec from 'k6/execution';
import { Trend } from 'k6/metrics';

const active = new Trend('active_vus');

export const options = {
  scenarios: {
    ramp: {
      executor: 'ramping-vus', startVUs: 0, gracefulRampDown: '0s',
      stages: [{ duration: '2s', target: 4 }, { duration: '1s', target: 4 }, { duration: '1s', target: 0 }],
    },
  },
};

export default function () {
  active.add(exec.instance.vusActive, { at: String(Math.round(exec.instance.currentTestRunDuration)) });
  sleep(0.1);
}
