// The globals a VU's script sees, as k6's JavaScript runtime has them (VuFootprintTest): the built-ins k6 does not
// have are absent, `global` is there, the web globals appear when first used and can be replaced, and __ENV is the
// VU's own object.
import { check } from 'k6';

console.log(`init ${__VU}`);
const fromInit = __ENV.MY_VAR;

export const options = { vus: 2, iterations: 4 };

export default function () {
  const beforeUse = Object.getOwnPropertyNames(globalThis).includes('TextEncoder');
  check(null, {
    'no Intl, as in k6': () => typeof Intl === 'undefined',
    'no SharedArrayBuffer nor Atomics, as in k6': () =>
      typeof SharedArrayBuffer === 'undefined' && typeof Atomics === 'undefined',
    'no RegExp.$1, as in k6': () => /(a)/.test('a') && RegExp.$1 === undefined,
    'no Java interop globals': () => typeof Java === 'undefined' && typeof Packages === 'undefined',
    'global is globalThis, as in k6': () => global === globalThis,
    'ECMAScript 2023 built-ins, as in k6': () => typeof [].findLast === 'function' && typeof [].toSorted === 'function'
      && typeof [].with === 'function' && typeof Object.hasOwn === 'function',
    'none added since 2023, as in k6': () => typeof Object.groupBy === 'undefined'
      && typeof Promise.withResolvers === 'undefined' && typeof Set.prototype.union === 'undefined'
      && typeof Float16Array === 'undefined',
    'number formatting without Intl': () => (1234.5).toLocaleString() === '1234.5',
    'TextEncoder is a global before its first use': () => beforeUse,
    'TextEncoder works on first use': () => new TextEncoder().encode('hé').length === 3,
    'TextDecoder came with it': () => new TextDecoder().decode(new Uint8Array([104, 105])) === 'hi',
    'crypto works on first use': () => /^[0-9a-f-]{36}$/.test(crypto.randomUUID()),
    'CryptoKey came with it': () => typeof CryptoKey === 'function',
    '__ENV read in init code': () => fromInit === 'from-cli',
    '__ENV is the VU\'s own': () => {
      const mine = `vu-${__VU}`;
      const seen = __ENV.MINE;
      __ENV.MINE = mine;
      return (seen === undefined || seen === mine) && __ENV.MINE === mine;
    },
  });
}

export function teardown() {
  // Assigning web globals replaces them, as plain globals would be.
  globalThis.crypto = 'replaced';
  TextDecoder = 42;
  __ENV = { fresh: 'yes' };
  console.log(`replaced ${crypto} ${TextDecoder} ${__ENV.fresh}`);
}
