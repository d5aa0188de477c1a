// The WebCrypto global `crypto`, no import needed: ./k6j run examples/crypto-webcrypto.js
// Every crypto.subtle call returns a promise, so the iteration is async. Shown: AES-GCM encryption,
// ECDSA and Ed25519 signatures, an X25519 key agreement, a key derived from a password with PBKDF2, a key
// wrapped with AES-KW, JWK export, random values and UUIDs, and TextEncoder/TextDecoder to turn text into
// bytes and back.
import { check } from 'k6';

export const options = { iterations: 2, thresholds: { checks: ['rate==1'] } };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export default async function () {
  // AES-GCM: a fresh key and IV, encrypt, decrypt.
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode('card 4111 1111 1111 1111'));
  const opened = decoder.decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed));

  // ECDSA P-256: sign and verify (the signature is r||s, 64 bytes).
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const message = encoder.encode(`order ${crypto.randomUUID()}`);
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, message);
  const valid = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, pair.publicKey, signature, message);

  // PBKDF2: an AES key from a password and a salt.
  const password = await crypto.subtle.importKey('raw', encoder.encode('correct horse'), 'PBKDF2', false, ['deriveKey']);
  const derived = await crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode('k6j-salt'), iterations: 10000 },
    password, { name: 'AES-CBC', length: 128 }, true, ['encrypt']);

  // A public key as a JSON Web Key, e.g. to send to a server.
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);

  // Ed25519: signatures of 64 bytes; the public key exports as 32 raw bytes.
  const ed = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  const edSignature = await crypto.subtle.sign('Ed25519', ed.privateKey, message);
  const edValid = await crypto.subtle.verify('Ed25519', ed.publicKey, edSignature, message);
  const edPublic = await crypto.subtle.exportKey('raw', ed.publicKey);

  // X25519: two parties agree on a shared AES key from each other's public keys.
  const alice = await crypto.subtle.generateKey({ name: 'X25519' }, false, ['deriveKey']);
  const bob = await crypto.subtle.generateKey({ name: 'X25519' }, false, ['deriveKey']);
  const aliceShared = await crypto.subtle.deriveKey({ name: 'X25519', public: bob.publicKey }, alice.privateKey,
    { name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  const bobShared = await crypto.subtle.deriveKey({ name: 'X25519', public: alice.publicKey }, bob.privateKey,
    { name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  const sameKey = new Uint8Array(await crypto.subtle.exportKey('raw', aliceShared)).join()
    === new Uint8Array(await crypto.subtle.exportKey('raw', bobShared)).join();

  // AES-KW: wrap the AES-GCM key with a key-encryption key, as key stores do, and unwrap it again.
  const kek = await crypto.subtle.generateKey({ name: 'AES-KW', length: 256 }, false, ['wrapKey', 'unwrapKey']);
  const wrapped = await crypto.subtle.wrapKey('raw', key, kek, 'AES-KW');
  const unwrapped = await crypto.subtle.unwrapKey('raw', wrapped, kek, 'AES-KW', 'AES-GCM', false, ['decrypt']);
  const reopened = decoder.decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, unwrapped, sealed));

  check(null, {
    'AES-GCM round trip': () => opened === 'card 4111 1111 1111 1111',
    'the ciphertext carries a 16-byte tag': () => sealed.byteLength === 24 + 16,
    'ECDSA signature verifies': () => valid === true && signature.byteLength === 64,
    'PBKDF2 gives an AES-CBC key': () => derived.algorithm.name === 'AES-CBC' && derived.algorithm.length === 128,
    'the JWK is an EC public key': () => jwk.kty === 'EC' && jwk.crv === 'P-256' && jwk.d === undefined,
    'Ed25519 signature verifies': () => edValid === true && edSignature.byteLength === 64 && edPublic.byteLength === 32,
    'X25519 gives both parties the same key': () => sameKey,
    'AES-KW wraps 32 key bytes into 40': () => wrapped.byteLength === 40 && reopened === opened,
  });
}
