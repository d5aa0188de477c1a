import { check } from 'k6';
import { Trend, Rate, Gauge, Counter } from 'k6/metrics';

const t = new Trend('waiting_time', true);
const r = new Rate('ok_rate');
const g = new Gauge('last_value');
const c = new Counter('things');

export const options = {
  iterations: 10,
  thresholds: {
    waiting_time: ['p(95)<100', 'p(99.9)<=100', 'avg<50', 'min>=0', 'max<100', 'med<50'],
    'waiting_time{kind:slow}': ['min>=30'],
    ok_rate: ['rate>0.5', 'rate===0.9'],
    last_value: ['value==7'],
    things: ['count>=20', 'rate>0'],
    checks: [{ threshold: 'rate==1', abortOnFail: true, delayAbortEval: '1s' }],
    'checks{group:::g}': ['rate==1'],
  },
};

let n = 0;
export default function () {
  n++;
  t.add(n === 10 ? 40 : 10, { kind: n === 10 ? 'slow' : 'fast' });
  r.add(__ITER === 0 ? false : true);
  g.add(7);
  c.add(2);
  check(1, { 'one is one': (v) => v === 1 });
}
