// The global crypto (WebCrypto) and TextEncoder/TextDecoder, through the script API: promises settle on the
// VU's event loop, CryptoKeys look as the spec says, round trips hold, errors carry WebCrypto's names.
import { expectEqual, expectRejects, expectThrows, expectTrue, hex, fromHex } from './expect.js';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

const enc = new TextEncoder();
const dec = new TextDecoder();

export default async function () {
  // TextEncoder / TextDecoder
  expectEqual('encode utf-8', Array.from(enc.encode('h€')), [104, 226, 130, 172]);
  expectTrue('encode gives a Uint8Array', enc.encode('x') instanceof Uint8Array);
  expectEqual('encoding names', [enc.encoding, dec.encoding], ['utf-8', 'utf-8']);
  expectEqual('decode round trip', dec.decode(enc.encode('Grüße, 世界 🎉')), 'Grüße, 世界 🎉');
  expectEqual('lone surrogate becomes U+FFFD', Array.from(enc.encode('\ud800')), [239, 191, 189]);
  expectEqual('bad bytes become U+FFFD', dec.decode(new Uint8Array([0x61, 0xff, 0x62])), 'a\ufffdb');
  expectEqual('the BOM is dropped', dec.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])), 'a');
  expectEqual('ignoreBOM keeps it', new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])), '\ufeffa');
  const streaming = new TextDecoder();
  const euro = enc.encode('€');
  expectEqual('streaming waits for the rest of a sequence',
    streaming.decode(euro.subarray(0, 2), { stream: true }) + streaming.decode(euro.subarray(2)), '€');
  expectThrows('fatal decoding throws', () => new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])), 'not valid');
  expectThrows('other encodings are refused', () => new TextDecoder('latin1'), 'not supported');
  let rangeError;
  try { new TextDecoder('windows-1252'); } catch (e) { rangeError = e instanceof RangeError; }
  expectEqual('an unknown label is a RangeError', rangeError, true);
  const le = new TextDecoder('utf-16');
  expectEqual('utf-16 means utf-16le', [le.encoding, new TextDecoder(' UTF-16BE ').encoding, new TextDecoder('unicodefffe').encoding], ['utf-16le', 'utf-16be', 'utf-16be']);
  expectEqual('utf-16le decodes, the BOM dropped', le.decode(new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0xac, 0x20, 0x3c, 0xd8, 0x89, 0xdf])), 'h€🎉');
  expectEqual('utf-16be decodes', new TextDecoder('utf-16be').decode(new Uint8Array([0x00, 0x68, 0x20, 0xac])), 'h€');
  expectEqual('utf-16le ignoreBOM keeps it', new TextDecoder('utf-16le', { ignoreBOM: true }).decode(new Uint8Array([0xff, 0xfe, 0x61, 0x00])), '\ufeffa');
  expectEqual('utf-16: a lone surrogate and an odd byte become U+FFFD', le.decode(new Uint8Array([0x3d, 0xd8, 0x61, 0x00, 0x62])), '\ufffda\ufffd');
  const split = new TextDecoder('utf-16le');
  expectEqual('utf-16 streaming keeps half a surrogate pair',
    split.decode(new Uint8Array([0x3c, 0xd8, 0x89]), { stream: true }) + split.decode(new Uint8Array([0xdf])), '🎉');
  expectThrows('utf-16 fatal decoding throws', () => new TextDecoder('utf-16be', { fatal: true }).decode(new Uint8Array([0xd8, 0x3d])), 'utf-16be');
  expectEqual('fatal and ignoreBOM are readable', [new TextDecoder('utf-8', { fatal: true }).fatal, le.fatal, le.ignoreBOM], [true, false, false]);
  const target = new Uint8Array(4);
  expectEqual('encodeInto stops at whole characters', enc.encodeInto('a€b', target), { read: 2, written: 4 });
  expectEqual('decode of an ArrayBuffer and a DataView', [dec.decode(enc.encode('ab').buffer), dec.decode(new DataView(enc.encode('cd').buffer))], ['ab', 'cd']);

  // getRandomValues / randomUUID
  const filled = crypto.getRandomValues(new Uint32Array(8));
  expectTrue('getRandomValues fills and returns the array', filled instanceof Uint32Array && filled.some((v) => v !== 0));
  expectThrows('getRandomValues refuses floats', () => crypto.getRandomValues(new Float64Array(2)), 'integer typed array');
  let quota;
  try { crypto.getRandomValues(new Uint8Array(65537)); } catch (e) { quota = e.name; }
  expectEqual('getRandomValues over 64 KiB', quota, 'QuotaExceededError');
  expectTrue('randomUUID is a v4 UUID', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()));

  // digest
  expectEqual('digest SHA-256', hex(await crypto.subtle.digest('SHA-256', enc.encode('abc'))),
    'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  expectEqual('digest SHA-1 of a typed array view', hex(await crypto.subtle.digest({ name: 'SHA-1' }, enc.encode('xabc').subarray(1))),
    'a9993e364706816aba3e25717850c26c9cd0d89d');
  await expectRejects('digest of a string', crypto.subtle.digest('SHA-256', 'abc'), 'TypeError');
  await expectRejects('digest with MD5', crypto.subtle.digest('MD5', enc.encode('abc')), 'NotSupportedError');

  // AES: generate, CryptoKey shape, round trips, a known vector, exports
  const gcmKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['decrypt', 'encrypt']);
  expectTrue('a CryptoKey', gcmKey instanceof CryptoKey && Object.prototype.toString.call(gcmKey) === '[object CryptoKey]');
  expectEqual('CryptoKey fields', JSON.stringify(gcmKey),
    '{"type":"secret","extractable":true,"algorithm":{"name":"AES-GCM","length":256},"usages":["encrypt","decrypt"]}');
  expectThrows('CryptoKey cannot be constructed', () => new CryptoKey(), 'Illegal constructor');
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode('aad') }, gcmKey, enc.encode('hello'));
  expectEqual('AES-GCM adds a 16-byte tag', sealed.byteLength, 5 + 16);
  expectEqual('AES-GCM round trip', dec.decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: enc.encode('aad') }, gcmKey, sealed)), 'hello');
  await expectRejects('AES-GCM with the wrong aad', crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: enc.encode('x') }, gcmKey, sealed), 'OperationError');
  const cbcKey = await crypto.subtle.importKey('raw', fromHex('2b7e151628aed2a6abf7158809cf4f3c'), 'AES-CBC', true, ['encrypt', 'decrypt']);
  const cbc = await crypto.subtle.encrypt({ name: 'AES-CBC', iv: fromHex('000102030405060708090a0b0c0d0e0f') }, cbcKey, fromHex('6bc1bee22e409f96e93d7e117393172a'));
  expectEqual('AES-CBC SP 800-38A block', hex(cbc).slice(0, 32), '7649abac8119b246cee98e9b12e9197d');
  expectEqual('AES raw export', hex(await crypto.subtle.exportKey('raw', cbcKey)), '2b7e151628aed2a6abf7158809cf4f3c');
  const cbcJwk = await crypto.subtle.exportKey('jwk', cbcKey);
  expectEqual('AES jwk export', [cbcJwk.kty, cbcJwk.alg, cbcJwk.k, cbcJwk.ext, cbcJwk.key_ops], ['oct', 'A128CBC', 'K34VFiiu0qar9xWICc9PPA', true, ['encrypt', 'decrypt']]);
  const ctrKey = await crypto.subtle.importKey('jwk', cbcJwk, 'AES-CBC', false, ['decrypt']);
  expectEqual('AES jwk import', dec.decode(await crypto.subtle.decrypt({ name: 'AES-CBC', iv: fromHex('000102030405060708090a0b0c0d0e0f') }, ctrKey,
    await crypto.subtle.encrypt({ name: 'AES-CBC', iv: fromHex('000102030405060708090a0b0c0d0e0f') }, cbcKey, enc.encode('cbc text')))), 'cbc text');
  const ctr = await crypto.subtle.importKey('raw', fromHex('2b7e151628aed2a6abf7158809cf4f3c'), 'AES-CTR', false, ['encrypt']);
  expectEqual('AES-CTR SP 800-38A block', hex(await crypto.subtle.encrypt({ name: 'AES-CTR', counter: fromHex('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff'), length: 64 }, ctr,
    fromHex('6bc1bee22e409f96e93d7e117393172a'))), '874d6191b620e3261bef6864990db6ce');
  await expectRejects('a non-extractable key stays inside', crypto.subtle.exportKey('raw', ctr), 'InvalidAccessError', 'not extractable');
  await expectRejects('a key used for the wrong thing', crypto.subtle.decrypt({ name: 'AES-CTR', counter: new Uint8Array(16), length: 64 }, ctr, new Uint8Array(4)), 'InvalidAccessError');
  await expectRejects('a plain object is no key', crypto.subtle.encrypt({ name: 'AES-GCM', iv }, { type: 'secret' }, new Uint8Array(1)), 'InvalidAccessError');

  // HMAC
  const hmacKey = await crypto.subtle.importKey('raw', enc.encode('Jefe'), { name: 'HMAC', hash: { name: 'SHA-256' } }, false, ['sign', 'verify']);
  const mac = await crypto.subtle.sign('HMAC', hmacKey, enc.encode('what do ya want for nothing?'));
  expectEqual('HMAC RFC 4231', hex(mac), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  expectTrue('HMAC verify', await crypto.subtle.verify('HMAC', hmacKey, mac, enc.encode('what do ya want for nothing?')));
  expectEqual('HMAC key algorithm', hmacKey.algorithm, { name: 'HMAC', hash: { name: 'SHA-256' }, length: 32 });

  // ECDSA and ECDH
  const ec = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, true, ['sign', 'verify']);
  expectEqual('key pair usages', [ec.publicKey.usages, ec.privateKey.usages, ec.publicKey.extractable], [['verify'], ['sign'], true]);
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-384' }, ec.privateKey, enc.encode('payload'));
  expectEqual('ECDSA P-384 signature is r||s', signature.byteLength, 96);
  const spki = await crypto.subtle.exportKey('spki', ec.publicKey);
  const verifier = await crypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-384' }, true, ['verify']);
  expectTrue('ECDSA verify with an spki import', await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-384' }, verifier, signature, enc.encode('payload')));
  expectEqual('ECDSA rejects other data', await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-384' }, verifier, signature, enc.encode('other')), false);
  const alice = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits', 'deriveKey']);
  const bob = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  const ab = await crypto.subtle.deriveBits({ name: 'ECDH', public: bob.publicKey }, alice.privateKey, 256);
  const ba = await crypto.subtle.deriveBits({ name: 'ECDH', public: alice.publicKey }, bob.privateKey, 256);
  expectEqual('ECDH agrees both ways', hex(ab), hex(ba));
  const shared = await crypto.subtle.deriveKey({ name: 'ECDH', public: bob.publicKey }, alice.privateKey, { name: 'AES-GCM', length: 128 }, true, ['encrypt']);
  expectEqual('ECDH deriveKey gives an AES key', [shared.algorithm.name, shared.algorithm.length, hex(await crypto.subtle.exportKey('raw', shared))], ['AES-GCM', 128, hex(ab).slice(0, 32)]);

  // Ed25519 (RFC 8032 test 1), X25519, AES-KW (RFC 3394 4.1)
  const edKey = await crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519',
    x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo', d: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A' }, 'Ed25519', false, ['sign']);
  const edSignature = await crypto.subtle.sign('Ed25519', edKey, new Uint8Array(0));
  expectEqual('Ed25519 RFC 8032 signature', hex(edSignature).slice(0, 32), 'e5564300c360ac729086e2cc806e828a');
  const ed = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  expectEqual('Ed25519 key pair', [ed.publicKey.algorithm, ed.publicKey.usages, ed.privateKey.usages], [{ name: 'Ed25519' }, ['verify'], ['sign']]);
  const edRaw = await crypto.subtle.exportKey('raw', ed.publicKey);
  const edVerifier = await crypto.subtle.importKey('raw', edRaw, 'Ed25519', true, ['verify']);
  expectTrue('Ed25519 verify with a raw import',
    await crypto.subtle.verify('Ed25519', edVerifier, await crypto.subtle.sign('Ed25519', ed.privateKey, enc.encode('m')), enc.encode('m')));
  const xa = await crypto.subtle.generateKey('X25519', true, ['deriveBits']);
  const xb = await crypto.subtle.generateKey('X25519', true, ['deriveBits']);
  expectEqual('X25519 agrees both ways', hex(await crypto.subtle.deriveBits({ name: 'X25519', public: xb.publicKey }, xa.privateKey, 256)),
    hex(await crypto.subtle.deriveBits({ name: 'X25519', public: xa.publicKey }, xb.privateKey, 256)));
  const xJwk = await crypto.subtle.exportKey('jwk', xa.privateKey);
  expectEqual('X25519 jwk export', [xJwk.kty, xJwk.crv, typeof xJwk.d, typeof xJwk.x], ['OKP', 'X25519', 'string', 'string']);
  const kek = await crypto.subtle.importKey('raw', fromHex('000102030405060708090a0b0c0d0e0f'), 'AES-KW', false, ['wrapKey', 'unwrapKey']);
  const toWrap = await crypto.subtle.importKey('raw', fromHex('00112233445566778899aabbccddeeff'), 'AES-GCM', true, ['encrypt']);
  const wrapped = await crypto.subtle.wrapKey('raw', toWrap, kek, 'AES-KW');
  expectEqual('AES-KW RFC 3394 wrap', hex(wrapped), '1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5');
  const unwrapped = await crypto.subtle.unwrapKey('raw', wrapped, kek, 'AES-KW', 'AES-GCM', true, ['encrypt']);
  expectEqual('AES-KW unwrap', hex(await crypto.subtle.exportKey('raw', unwrapped)), '00112233445566778899aabbccddeeff');
  await expectRejects('AES-KW does not encrypt', crypto.subtle.encrypt('AES-KW', kek, new Uint8Array(16)), 'InvalidAccessError');

  // RSA
  const rsa = await crypto.subtle.generateKey({ name: 'RSA-OAEP', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['encrypt', 'decrypt']);
  expectTrue('RSA publicExponent is a Uint8Array', rsa.publicKey.algorithm.publicExponent instanceof Uint8Array && rsa.publicKey.algorithm.publicExponent.join() === '1,0,1');
  const oaep = await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, rsa.publicKey, enc.encode('top secret'));
  expectEqual('RSA-OAEP round trip', dec.decode(await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, rsa.privateKey, oaep)), 'top secret');
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', rsa.privateKey);
  const reimported = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSA-OAEP', hash: 'SHA-256' }, true, ['decrypt']);
  expectEqual('RSA pkcs8 import', dec.decode(await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, reimported, oaep)), 'top secret');
  const pss = await crypto.subtle.generateKey({ name: 'RSA-PSS', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, false, ['sign', 'verify']);
  const pssSignature = await crypto.subtle.sign({ name: 'RSA-PSS', saltLength: 32 }, pss.privateKey, enc.encode('m'));
  expectTrue('RSA-PSS verify', await crypto.subtle.verify({ name: 'RSA-PSS', saltLength: 32 }, pss.publicKey, pssSignature, enc.encode('m')));

  // PBKDF2 (RFC 6070)
  const password = await crypto.subtle.importKey('raw', enc.encode('password'), 'PBKDF2', false, ['deriveBits']);
  expectEqual('PBKDF2 RFC 6070', hex(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-1', salt: enc.encode('salt'), iterations: 2 }, password, 160)),
    'ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957');

  // Errors reject, they don't throw
  let threw = false;
  const pending = (() => { try { return crypto.subtle.generateKey({ name: 'AES-GCM', length: 100 }, true, ['encrypt']); } catch (e) { threw = true; } })();
  await expectRejects('a bad AES length rejects', pending, 'OperationError');
  expectEqual('and does not throw', threw, false);
  await expectRejects('empty usages', crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true, []), 'SyntaxError');
}
