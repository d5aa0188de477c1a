// k6/crypto against known vectors (FIPS 180, RFC 1320/1321/2202/4231, the RIPEMD-160 vectors).
import crypto, * as named from 'k6/crypto';
import { expectEqual, expectThrows, expectTrue } from './expect.js';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

const abc = {
  md4: 'a448017aaf21d8525fc10ae87aa6729d',
  md5: '900150983cd24fb0d6963f7d28e17f72',
  sha1: 'a9993e364706816aba3e25717850c26c9cd0d89d',
  sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  sha384: 'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7',
  sha512: 'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
  sha512_224: '4634270f707b6a54daae7530460842e20e37ed265ceee9a43e8924aa',
  sha512_256: '53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23',
  ripemd160: '8eb208f7e05d987a9b044a8e98c6b087f15a0bfc',
};

export default function () {
  for (const [name, digest] of Object.entries(abc)) {
    expectEqual(`${name} hex`, crypto[name]('abc', 'hex'), digest);
    expectEqual(`${name} named export`, named[name]('abc', 'hex'), digest);
    expectEqual(`${name} createHash`, (() => { const h = crypto.createHash(name); h.update('a'); h.update('bc'); return h.digest('hex'); })(), digest);
    expectEqual(`${name} binary`, Array.from(new Uint8Array(crypto[name]('abc', 'binary')), (b) => b.toString(16).padStart(2, '0')).join(''), digest);
  }
  expectEqual('sha256 of empty', crypto.sha256('', 'hex'), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  expectEqual('md5 base64', crypto.md5('hello world', 'base64'), 'XrY7u+Ae7tCTyyK7j1rNww==');
  expectEqual('sha1 base64url', crypto.sha1('k6>?', 'base64url'), crypto.sha1('k6>?', 'base64').replace(/\+/g, '-').replace(/\//g, '_'));
  expectEqual('sha256 base64rawurl has no padding', crypto.sha256('abc', 'base64rawurl'), 'ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
  expectEqual('utf-8 input', crypto.md5('Grüße', 'hex'), crypto.md5(new Uint8Array([71, 114, 195, 188, 195, 159, 101]).buffer, 'hex'));
  expectEqual('typed array input', crypto.sha256(new Uint8Array([97, 98, 99]), 'hex'), abc.sha256);

  // HMAC: RFC 4231 test case 2 and RFC 2202 test case 2
  expectEqual('hmac sha256', crypto.hmac('sha256', 'Jefe', 'what do ya want for nothing?', 'hex'),
    '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  expectEqual('hmac md5', crypto.hmac('md5', 'Jefe', 'what do ya want for nothing?', 'hex'), '750c783e6ab0b503eaa86e310a5db738');
  expectEqual('hmac with an ArrayBuffer secret', crypto.hmac('sha256', new Uint8Array([74, 101, 102, 101]).buffer, 'what do ya want for nothing?', 'hex'),
    '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  const mac = crypto.createHMAC('sha1', 'Jefe');
  mac.update('what do ya want ');
  const partial = mac.digest('hex');
  mac.update('for nothing?');
  expectEqual('createHMAC digests along the way', mac.digest('hex'), 'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
  expectEqual('the partial digest is the HMAC of the first part', partial, crypto.hmac('sha1', 'Jefe', 'what do ya want ', 'hex'));

  const bytes = crypto.randomBytes(16);
  expectTrue('randomBytes gives an ArrayBuffer', bytes instanceof ArrayBuffer && bytes.byteLength === 16);
  expectTrue('randomBytes differ', crypto.hexEncode(crypto.randomBytes(16)) !== crypto.hexEncode(crypto.randomBytes(16)));
  expectEqual('hexEncode', crypto.hexEncode(new Uint8Array([0, 15, 255]).buffer), '000fff');

  expectThrows('unknown algorithm', () => crypto.createHash('sha3'), 'invalid algorithm: sha3');
  expectThrows('unknown encoding', () => crypto.sha256('abc', 'base32'), 'invalid output encoding: base32');
  expectThrows('missing encoding', () => crypto.md5('abc'), 'invalid output encoding: ');
  expectThrows('bad size', () => crypto.randomBytes(0), 'invalid size');
}
