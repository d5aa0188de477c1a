import { Trend } from 'k6/metrics';

const t = new Trend('waiting_time');
export const options = { iterations: 3, thresholds: { waiting_time: ['p(95)<10', 'avg<1000'] } };

export default function () {
  t.add(50);
}
