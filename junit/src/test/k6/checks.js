// No network: a custom trend, checks and thresholds that hold.
import { check } from 'k6';
import { Trend } from 'k6/metrics';

const work = new Trend('work_time', true);

export const options = {
  iterations: 4,
  thresholds: {
    work_time: ['p(95)<100'],
    checks: ['rate==1'],
  },
};

export default function () {
  work.add(20);
  check(__ENV.GREETING || 'hello', { 'greeting is set': (g) => g.length > 0 });
}
