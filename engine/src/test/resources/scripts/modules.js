import { b64encode, b64decode } from 'k6/encoding';
import { setTimeout as timer } from 'k6/timers';
import exec from 'k6/execution';
import { check, group, fail, randomSeed } from 'k6';
import { twice } from './lib/math.js';
const cjs = require('./lib/greet.cjs.js');
const k6 = require('k6');

export const options = { iterations: 2, tags: { team: 'core' } };

export default function () {
  randomSeed(42);
  const a = Math.random();
  randomSeed(42);
  const b = Math.random();
  exec.vu.metrics.tags.custom = 'yes';
  check(null, {
    'b64 std': () => b64encode('hello?') === 'aGVsbG8/',
    'b64 rawurl': () => b64encode('hello?', 'rawurl') === 'aGVsbG8_',
    'b64 decode to string': () => b64decode('aGVsbG8/', 'std', 's') === 'hello?',
    'b64 decode to bytes': () => new Uint8Array(b64decode('AAEC')).join(',') === '0,1,2',
    'timers module': () => typeof timer === 'function',
    'relative ESM import': () => twice(21) === 42,
    'CommonJS require': () => cjs.greet('k6j') === 'hello k6j',
    'require of k6': () => typeof k6.check === 'function',
    'randomSeed repeats': () => a === b,
    'scenario name': () => exec.scenario.name === 'default',
    'vu id': () => exec.vu.idInInstance === 1 && __VU === 1,
    'iteration in scenario': () => exec.vu.iterationInScenario === __ITER,
    'tag set by script': () => exec.vu.metrics.tags.custom === 'yes',
    'test-wide tag visible': () => exec.vu.metrics.tags.team === 'core',
    'options visible': () => exec.test.options.iterations === 2,
    'env': () => __ENV.MY_VAR === 'from-cli',
    'no host access': () => typeof Java === 'undefined' && typeof java === 'undefined' && typeof Packages === 'undefined',
  });
  group('outer', () => group('inner', () => check(1, { 'nested': () => true })));
  if (__ITER === 1) fail('second iteration fails on purpose');
}
