// A small library served by the testbed at /modules/k6j-utils/1.0.0/index.js, shaped like jslib's k6-utils:
// scripts import it over https:// to try k6j's remote modules. Its relative import resolves against its URL.
import { alphabet, pick } from './random.js';

export function randomString(length, charset = alphabet) {
  let text = '';
  for (let i = 0; i < length; i++) text += pick(charset);
  return text;
}

export function randomIntBetween(min, max) {
  return Math.floor(Math.random() * (max - min + 1) + min);
}

export const version = '1.0.0';
