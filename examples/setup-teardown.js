// The test life cycle: ./k6j run examples/setup-teardown.js
//   init code   the top level of the script; runs once for every VU (and for reading options)
//   setup()     once, before the load starts; what it returns is handed to every iteration
//   default()   the iterations, on every VU; gets its own copy of setup's data
//   teardown()  once, after the load; gets setup's data too
// setup() and teardown() run outside any scenario, as `__VU` 0, in the groups ::setup and
// ::teardown. Their data travels as JSON: return plain objects, arrays, strings and numbers.
// --no-setup and --no-teardown skip them.
import { check, sleep } from 'k6';
import exec from 'k6/execution';

const startedAt = new Date().toISOString(); // init code: each VU computes its own

export const options = {
  vus: 2,
  iterations: 6,
  setupTimeout: '10s',
  teardownTimeout: '10s',
};

export function setup() {
  console.log(`setup: VU ${__VU}, preparing test data`);
  const accounts = [];
  for (let i = 1; i <= 3; i++) {
    accounts.push({ id: i, token: `token-${i}` });
  }
  return { accounts, createdAt: startedAt };
}

export default function (data) {
  const account = data.accounts[exec.scenario.iterationInInstance % data.accounts.length];
  check(account, {
    'setup data arrived': (a) => a.token === `token-${a.id}`,
  });
  // Changing the data changes only this VU's copy.
  data.touchedBy = __VU;
  sleep(0.1);
}

export function teardown(data) {
  console.log(`teardown: VU ${__VU}, cleaning up ${data.accounts.length} accounts ` +
    `(touchedBy is ${data.touchedBy === undefined ? 'not set: iterations changed their own copies' : data.touchedBy})`);
}
