// A tiny assertion helper for the module test scripts: each expectation is a k6 check (so the summary
// counts it) and a mismatch is logged with both values, so a failing Java test shows what went wrong.
import { check } from 'k6';

const show = (v) => {
  if (v instanceof ArrayBuffer) return 'ArrayBuffer[' + new Uint8Array(v).join(',') + ']';
  try { return JSON.stringify(v); } catch (e) { return String(v); }
};

export function expectEqual(name, actual, expected) {
  const same = show(actual) === show(expected);
  if (!same) console.error(`${name}: expected ${show(expected)} but got ${show(actual)}`);
  check(null, { [name]: () => same });
}

export function expectTrue(name, value) {
  if (value !== true) console.error(`${name}: expected true but got ${show(value)}`);
  check(null, { [name]: () => value === true });
}

export function expectThrows(name, fn, messagePart) {
  let error;
  try { fn(); } catch (e) { error = e; }
  const ok = error !== undefined && String(error.message ?? error).includes(messagePart);
  if (!ok) console.error(`${name}: expected an error with "${messagePart}" but got ${error === undefined ? 'none' : String(error)}`);
  check(null, { [name]: () => ok });
}

export async function expectRejects(name, promise, errorName, messagePart = '') {
  let error;
  try { await promise; } catch (e) { error = e; }
  const ok = error !== undefined && (errorName === undefined || error.name === errorName)
    && String(error.message ?? '').includes(messagePart);
  if (!ok) console.error(`${name}: expected a rejection ${errorName} "${messagePart}" but got ${error === undefined ? 'none' : (error.name + ': ' + error.message)}`);
  check(null, { [name]: () => ok });
}

export const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
export const fromHex = (text) => new Uint8Array(text.match(/../g).map((h) => parseInt(h, 16)));
