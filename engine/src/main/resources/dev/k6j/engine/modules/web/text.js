// The TextEncoder (UTF-8) and TextDecoder (UTF-8, UTF-16LE, UTF-16BE) globals, WHATWG Encoding. `host` is TextCodec.
(function (host) {
  const g = globalThis;

  class TextEncoder {
    get encoding() { return 'utf-8'; }
    encode(input = '') {
      return new Uint8Array(host.encode(String(input)));
    }
    encodeInto(source, destination) {
      if (!(destination instanceof Uint8Array)) throw new TypeError('encodeInto needs a Uint8Array destination');
      // Whole code points only: stop before the first one that does not fit.
      let read = 0;
      let written = 0;
      for (const ch of String(source)) {
        const bytes = new Uint8Array(host.encode(ch));
        if (written + bytes.length > destination.length) break;
        destination.set(bytes, written);
        written += bytes.length;
        read += ch.length;
      }
      return { read, written };
    }
  }

  const decoders = new WeakMap();
  class TextDecoder {
    constructor(label = 'utf-8', options = {}) {
      const fatal = Boolean(options && options.fatal);
      const ignoreBOM = Boolean(options && options.ignoreBOM);
      const decoder = host.newDecoder(String(label), fatal, ignoreBOM);
      decoders.set(this, { decoder, encoding: host.encodingOf(decoder), fatal, ignoreBOM });
    }
    get encoding() { return decoders.get(this).encoding; }
    get fatal() { return decoders.get(this).fatal; }
    get ignoreBOM() { return decoders.get(this).ignoreBOM; }
    decode(input, options = {}) {
      return host.decode(decoders.get(this).decoder, input === undefined ? null : input, Boolean(options && options.stream));
    }
  }

  for (const [name, value] of [['TextEncoder', TextEncoder], ['TextDecoder', TextDecoder]]) {
    Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
  }
})
