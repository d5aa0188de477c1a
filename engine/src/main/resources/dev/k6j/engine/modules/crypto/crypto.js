// The k6/crypto module. `host` is CryptoModule.Host; hashers are CryptoModule.Hasher.
(function (host) {
  const text = (value) => (value === undefined || value === null ? '' : String(value));
  const input = (value) => (value === undefined || value === null ? '' : value);

  // A Hasher as k6 shows it: an object with update() and digest(), the Java hasher out of reach.
  class Hasher {
    constructor(hasher) {
      Object.defineProperty(this, 'update', { value: (data) => { hasher.update(input(data)); }, enumerable: true });
      Object.defineProperty(this, 'digest', { value: (encoding) => hasher.digest(text(encoding)), enumerable: true });
    }
  }

  const createHash = (algorithm) => new Hasher(host.createHash(text(algorithm)));
  const createHMAC = (algorithm, secret) => new Hasher(host.createHMAC(text(algorithm), input(secret)));
  const hashWith = (algorithm) => function (data, outputEncoding) {
    const hasher = host.createHash(algorithm);
    hasher.update(input(data));
    return hasher.digest(text(outputEncoding));
  };
  function hmac(algorithm, secret, data, outputEncoding) {
    const hasher = host.createHMAC(text(algorithm), input(secret));
    hasher.update(input(data));
    return hasher.digest(text(outputEncoding));
  }

  return {
    createHash,
    createHMAC,
    hmac,
    md4: hashWith('md4'),
    md5: hashWith('md5'),
    sha1: hashWith('sha1'),
    sha256: hashWith('sha256'),
    sha384: hashWith('sha384'),
    sha512: hashWith('sha512'),
    sha512_224: hashWith('sha512_224'),
    sha512_256: hashWith('sha512_256'),
    ripemd160: hashWith('ripemd160'),
    randomBytes: (size) => host.randomBytes(Number(size)),
    hexEncode: (data) => host.hexEncode(input(data)),
  };
})
