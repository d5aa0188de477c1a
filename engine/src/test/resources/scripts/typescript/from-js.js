// A JavaScript script importing TypeScript, as k6 allows.
import { check } from 'k6';
import { Level, pair } from './lib.ts';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

export default function () {
  check(null, { 'a .ts module from .js': () => Level.Low === 1 && pair(1).length === 2 });
}
