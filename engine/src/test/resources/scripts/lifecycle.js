// setup() data reaches every iteration and teardown(); async default with timers.
import { check } from 'k6';
import { Counter } from 'k6/metrics';

const seen = new Counter('token_seen');
export const options = { vus: 2, iterations: 4, thresholds: { token_seen: ['count==4'], checks: ['rate==1'] } };

export function setup() {
  return { token: 'abc', list: [1, 2, 3] };
}

export default async function (data) {
  const waited = await new Promise((resolve) => setTimeout(() => resolve(data.token), 20));
  let ticks = 0;
  await new Promise((resolve) => {
    const id = setInterval(() => { ticks++; if (ticks === 3) { clearInterval(id); resolve(); } }, 5);
  });
  check(waited, { 'token came through setTimeout': (t) => t === 'abc' });
  check(ticks, { 'interval ticked three times': (n) => n === 3 });
  if (data.token === 'abc' && data.list.length === 3) seen.add(1);
}

export function teardown(data) {
  console.log('teardown got ' + JSON.stringify(data));
}
