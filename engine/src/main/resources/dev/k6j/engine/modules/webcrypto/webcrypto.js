// The global `crypto` (Web Crypto API). `host` is WebCryptoHost; key material stays in Java, and a CryptoKey
// object only refers to its Java handle through a WeakMap the script cannot reach.
(function (host) {
  const g = globalThis;
  const handles = new WeakMap();
  let constructing = false;

  class CryptoError extends Error {
    constructor(name, message) {
      super(message);
      Object.defineProperty(this, 'name', { value: name, writable: true, configurable: true });
    }
  }
  const failure = (name, message) => (name === 'TypeError' ? new TypeError(message) : new CryptoError(name, message));

  class CryptoKey {
    constructor() {
      if (!constructing) throw new TypeError('Illegal constructor');
    }
  }
  Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, { value: 'CryptoKey' });

  const freeze = (value) => {
    if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
      Object.values(value).forEach(freeze);
      Object.freeze(value);
    }
    return value;
  };

  function cryptoKey(handle) {
    const d = host.describe(handle);
    const algorithm = d.algorithm;
    if (algorithm.publicExponent instanceof ArrayBuffer) algorithm.publicExponent = new Uint8Array(algorithm.publicExponent);
    constructing = true;
    let key;
    try { key = new CryptoKey(); } finally { constructing = false; }
    Object.defineProperties(key, {
      type: { value: d.type, enumerable: true },
      extractable: { value: d.extractable, enumerable: true },
      algorithm: { value: freeze(algorithm), enumerable: true },
      usages: { value: Object.freeze(Array.from(d.usages)), enumerable: true },
    });
    handles.set(key, handle);
    return Object.freeze(key);
  }

  // A CryptoKey, or a CryptoKeyPair { publicKey, privateKey }.
  function keyResult(handle) {
    const d = host.describe(handle);
    if (d.publicKey !== undefined) return { publicKey: cryptoKey(d.publicKey), privateKey: cryptoKey(d.privateKey) };
    return cryptoKey(handle);
  }

  const handleOf = (key) => (key !== null && typeof key === 'object' ? handles.get(key) : undefined);

  // Algorithm arguments go to Java as data; a CryptoKey inside one (ECDH's `public`) goes as its handle.
  function algorithm(alg) {
    if (alg === null || typeof alg !== 'object') return alg;
    const copy = Object.assign({}, alg);
    if (copy.public !== undefined) copy.public = handleOf(copy.public);
    return copy;
  }

  const call = (convert, op) => new Promise((resolve, reject) => {
    op((result) => resolve(convert(result)), (name, message) => reject(failure(name, message)));
  });
  const same = (v) => v;
  const bool = (v) => v === true;
  const usages = (list) => (Array.isArray(list) ? list : list === undefined ? undefined : Array.from(list));

  const subtle = Object.create(null);
  Object.assign(subtle, {
    digest: (alg, data) => call(same, (ok, ko) => host.digest(algorithm(alg), data, ok, ko)),
    generateKey: (alg, extractable, keyUsages) =>
      call(keyResult, (ok, ko) => host.generateKey(algorithm(alg), Boolean(extractable), usages(keyUsages), ok, ko)),
    importKey: (format, keyData, alg, extractable, keyUsages) =>
      call(keyResult, (ok, ko) => host.importKey(String(format), keyData, algorithm(alg), Boolean(extractable), usages(keyUsages), ok, ko)),
    exportKey: (format, key) => call(same, (ok, ko) => host.exportKey(String(format), handleOf(key), ok, ko)),
    encrypt: (alg, key, data) => call(same, (ok, ko) => host.encrypt(algorithm(alg), handleOf(key), data, ok, ko)),
    decrypt: (alg, key, data) => call(same, (ok, ko) => host.decrypt(algorithm(alg), handleOf(key), data, ok, ko)),
    sign: (alg, key, data) => call(same, (ok, ko) => host.sign(algorithm(alg), handleOf(key), data, ok, ko)),
    verify: (alg, key, signature, data) =>
      call(bool, (ok, ko) => host.verify(algorithm(alg), handleOf(key), signature, data, ok, ko)),
    deriveBits: (alg, baseKey, length) =>
      call(same, (ok, ko) => host.deriveBits(algorithm(alg), handleOf(baseKey), length === undefined ? null : length, ok, ko)),
    deriveKey: (alg, baseKey, derivedKeyType, extractable, keyUsages) =>
      call(keyResult, (ok, ko) => host.deriveKey(algorithm(alg), handleOf(baseKey), algorithm(derivedKeyType), Boolean(extractable), usages(keyUsages), ok, ko)),
    wrapKey: (format, key, wrappingKey, wrapAlgorithm) =>
      call(same, (ok, ko) => host.wrapKey(String(format), handleOf(key), handleOf(wrappingKey), algorithm(wrapAlgorithm), ok, ko)),
    unwrapKey: (format, wrappedKey, unwrappingKey, unwrapAlgorithm, keyAlgorithm, extractable, keyUsages) =>
      call(keyResult, (ok, ko) => host.unwrapKey(String(format), wrappedKey, handleOf(unwrappingKey), algorithm(unwrapAlgorithm), algorithm(keyAlgorithm), Boolean(extractable), usages(keyUsages), ok, ko)),
  });
  Object.freeze(subtle);

  const integerArrays = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
    BigInt64Array, BigUint64Array];
  function getRandomValues(array) {
    if (!integerArrays.some((type) => array instanceof type)) {
      throw failure('TypeMismatchError', 'getRandomValues needs an integer typed array');
    }
    if (array.byteLength > 65536) {
      throw failure('QuotaExceededError', 'getRandomValues can fill at most 65536 bytes, this array has ' + array.byteLength);
    }
    if (array.byteLength > 0) {
      new Uint8Array(array.buffer, array.byteOffset, array.byteLength).set(new Uint8Array(host.randomBytes(array.byteLength)));
    }
    return array;
  }

  const crypto = Object.freeze({
    subtle,
    getRandomValues,
    randomUUID: () => host.randomUUID(),
  });
  const define = (name, value) =>
    Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
  define('crypto', crypto);
  define('CryptoKey', CryptoKey);
})
