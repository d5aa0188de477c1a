// How close a constant-arrival-rate scenario keeps to its schedule: every iteration records how late it started
// (ms after the moment it was due) and in which second of the run it started. The iterations take a random time
// (RANDOM_SLEEP, up to 50ms by default), which an open model must not let shift the schedule. A warm-up scenario
// runs the same load for 3s first, so the JavaScript is compiled before the measured one starts.
//
// The lag is exact only while no iteration is dropped: exec.scenario.iterationInTest (which gives the due time)
// counts started iterations only, so each drop makes later iterations look one period later.
import { sleep } from 'k6';
import exec from 'k6/execution';
import { Counter, Trend } from 'k6/metrics';

const RATE = Number(__ENV.RATE || 200);
const SECONDS = Number(__ENV.SECONDS || 10);
const MAX_SLEEP = Number(__ENV.RANDOM_SLEEP || 0.05);
const PERIOD_MS = 1000 / RATE;

const lag = new Trend('start_lag_ms');
const started = new Counter('started');

const perSecond = { 'start_lag_ms{scenario:steady}': ['max>=0'], 'iterations{scenario:steady}': ['count>=0'],
  'dropped_iterations{scenario:steady}': ['count>=0'] };
for (let s = 0; s < SECONDS; s++) perSecond[`started{second:${s}}`] = ['count>=0'];

const VUS = Math.max(50, Math.ceil(RATE * MAX_SLEEP * 4));

export const options = {
  scenarios: {
    warmup: {
      executor: 'constant-arrival-rate', rate: RATE, timeUnit: '1s', duration: '3s', preAllocatedVUs: VUS,
      gracefulStop: '0s', exec: 'warmup',
    },
    steady: {
      executor: 'constant-arrival-rate', rate: RATE, timeUnit: '1s', duration: `${SECONDS}s`, preAllocatedVUs: VUS,
      startTime: '3s',
    },
  },
  thresholds: perSecond,
  summaryTrendStats: ['min', 'med', 'p(95)', 'p(99)', 'max'],
};

export function warmup() {
  lag.add(0, { warmup: 'yes' });
  started.add(1, { second: 'warmup' });
  sleep(Math.random() * MAX_SLEEP);
}

export default function () {
  const now = Date.now();
  const due = exec.scenario.startTime + exec.scenario.iterationInTest * PERIOD_MS;
  lag.add(now - due);
  started.add(1, { second: String(Math.floor((now - exec.scenario.startTime) / 1000)) });
  sleep(Math.random() * MAX_SLEEP);
}

export function handleSummary(data) {
  const m = data.metrics;
  const count = (name) => (m[name] ? m[name].values.count : 0);
  const iterations = count('iterations{scenario:steady}');
  const dropped = count('dropped_iterations{scenario:steady}');
  let worst = 0;
  const seconds = [];
  for (let s = 0; s < SECONDS; s++) {
    const n = count(`started{second:${s}}`);
    seconds.push(n);
    worst = Math.max(worst, Math.abs(n - RATE) / RATE);
  }
  const l = m['start_lag_ms{scenario:steady}'].values;
  const lines = [
    `rate:            ${RATE}/s for ${SECONDS}s, iterations sleeping 0-${MAX_SLEEP * 1000}ms`,
    `iterations:      ${iterations} of ${RATE * SECONDS} planned (${dropped} dropped${dropped ? ': the lag below is skewed' : ''})`,
    `achieved rate:   ${(iterations / SECONDS).toFixed(2)}/s over the ${SECONDS}s (${((iterations / SECONDS / RATE - 1) * 100).toFixed(3)}% off)`,
    `per second:      ${seconds.join(' ')}  (worst second ${(worst * 100).toFixed(2)}% off)`,
    `start lag (ms):  min ${l.min} med ${l.med} p95 ${l['p(95)']} p99 ${l['p(99)']} max ${l.max}`,
    '                 (Date.now() has 1 ms resolution; exec.scenario.startTime is the schedule origin)',
  ];
  return { stdout: lines.join('\n') + '\n' };
}
