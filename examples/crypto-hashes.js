// Hashes, HMACs and random bytes with k6/crypto: ./k6j run examples/crypto-hashes.js
// Every hash takes a string (hashed as UTF-8) or an ArrayBuffer, and returns hex, base64, base64url,
// base64rawurl text, or an ArrayBuffer with 'binary'. createHash/createHMAC can be fed in pieces and
// read along the way.
import { check } from 'k6';
import crypto from 'k6/crypto';

export const options = { iterations: 3, thresholds: { checks: ['rate==1'] } };

export default function () {
  const body = JSON.stringify({ order: __ITER, items: ['lamp', 'desk'] });

  // A request signature as many APIs want it: HMAC-SHA256 of the body, in hex.
  const signature = crypto.hmac('sha256', 'my-shared-secret', body, 'hex');

  // The same HMAC, fed in two pieces.
  const mac = crypto.createHMAC('sha256', 'my-shared-secret');
  mac.update(body.slice(0, 10));
  mac.update(body.slice(10));

  // A content digest header value: SHA-256, base64.
  const digest = 'sha-256=' + crypto.sha256(body, 'base64');

  check(null, {
    'sha256 of "abc" is the FIPS 180 vector': () =>
      crypto.sha256('abc', 'hex') === 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    'the incremental HMAC is the same': () => mac.digest('hex') === signature,
    'md5 as base64url': () => crypto.md5('hello world', 'base64url') === 'XrY7u-Ae7tCTyyK7j1rNww==',
    'ripemd160 as bytes': () => crypto.ripemd160('abc', 'binary').byteLength === 20,
    '16 random bytes': () => crypto.randomBytes(16).byteLength === 16,
    'a digest header': () => digest.startsWith('sha-256='),
  });
  console.log(`order ${__ITER}: signature ${signature.slice(0, 16)}…`);
}
