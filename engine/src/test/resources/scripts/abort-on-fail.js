import { check, sleep } from 'k6';

export const options = {
  vus: 1,
  duration: '30s',
  thresholds: { checks: [{ threshold: 'rate==1', abortOnFail: true }] },
};

export default function () {
  check(false, { 'always fails': (v) => v });
  sleep(0.1);
}
