// Two thresholds that cannot hold: work_time is always 250 ms and half the checks fail.
import { check } from 'k6';
import { Trend } from 'k6/metrics';

const work = new Trend('work_time', true);

export const options = {
  iterations: 4,
  thresholds: {
    work_time: ['p(95)<200', 'avg<1000'],
    checks: ['rate>0.9'],
  },
};

export default function () {
  work.add(250);
  check(__ITER, { 'even iteration': (i) => i % 2 === 0 });
}
