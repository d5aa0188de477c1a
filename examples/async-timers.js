// Async code and timers: ./k6j run examples/async-timers.js
// Each VU has an event loop. An iteration ends only when its function has returned, the promise
// of an async function has settled, and no timer is pending. setTimeout and setInterval are
// globals, and k6/timers exports the same functions. An error thrown in an async iteration
// (or a rejected promise it awaits) ends that iteration and is logged; the test goes on.
import { check } from 'k6';
import { setTimeout as delayCall } from 'k6/timers';
import { Counter, Trend } from 'k6/metrics';

const waited = new Trend('waited', true);
const lateTimers = new Counter('late_timers');

export const options = {
  vus: 2,
  iterations: 6,
  thresholds: {
    checks: ['rate==1'],
    // One per iteration: proves that every iteration waited for its unawaited timer.
    late_timers: ['count==6'],
  },
};

const delay = (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms));

function countTicks(times, everyMs) {
  return new Promise((resolve) => {
    let ticks = 0;
    const id = setInterval(() => {
      ticks++;
      if (ticks === times) {
        clearInterval(id); // a running interval would keep the iteration alive
        resolve(ticks);
      }
    }, everyMs);
  });
}

export default async function () {
  const start = Date.now();

  // Three waits at once: the iteration takes about as long as the longest.
  const [a, b, c] = await Promise.all([delay(100, 'a'), delay(150, 'b'), delay(50, 'c')]);
  const elapsed = Date.now() - start;
  waited.add(elapsed);

  const ticks = await countTicks(3, 20);

  const cancelled = setTimeout(() => { throw new Error('never runs'); }, 10);
  clearTimeout(cancelled);

  check({ a, b, c, elapsed, ticks }, {
    'all three values arrived': (r) => r.a + r.b + r.c === 'abc',
    'the waits overlapped': (r) => r.elapsed < 280,
    'the interval ticked three times': (r) => r.ticks === 3,
  });

  // Nothing awaits this timer, yet the iteration (and the test) waits for it to run.
  delayCall(() => lateTimers.add(1), 50);
}
