// k6/websockets: the browser-style WebSocket and Blob of k6, over `host` (WebSocketsApi, one per VU).
// Each WebSocket holds a Java BrowserSocket; the socket calls `dispatch(type, a, b)` on the VU thread for every
// event, and this file turns that into event objects for addEventListener and the on* handlers.
(function (host) {
  'use strict';

  const CONNECTING = 0, OPEN = 1, CLOSING = 2, CLOSED = 3;
  const EVENT_TYPES = ['open', 'message', 'error', 'close', 'ping', 'pong'];
  const PARAMS = ['headers', 'tags', 'jar', 'compression'];
  const blobBytes = new WeakMap();

  // The bytes of a BlobPart or send() argument, as a fresh Uint8Array; null if it is none of those.
  function bytesOf(part) {
    if (typeof part === 'string') {
      return new TextEncoder().encode(part);
    }
    if (part instanceof ArrayBuffer) {
      return new Uint8Array(part.slice(0));
    }
    if (ArrayBuffer.isView(part)) {
      return new Uint8Array(part.buffer.slice(part.byteOffset, part.byteOffset + part.byteLength));
    }
    if (part instanceof Blob) {
      return blobBytes.get(part).slice();
    }
    return null;
  }

  class Blob {
    constructor(blobParts, options) {
      const parts = blobParts === undefined || blobParts === null ? [] : Array.from(blobParts);
      const chunks = parts.map((part) => bytesOf(part) || new TextEncoder().encode(String(part)));
      const size = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
      const bytes = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.length;
      }
      blobBytes.set(this, bytes);
      const type = options && options.type !== undefined ? String(options.type) : '';
      Object.defineProperty(this, 'type', { value: /^[\x20-\x7E]*$/.test(type) ? type.toLowerCase() : '', enumerable: true });
    }

    get size() {
      return blobBytes.get(this).length;
    }

    arrayBuffer() {
      return Promise.resolve(blobBytes.get(this).slice().buffer);
    }

    bytes() {
      return Promise.resolve(blobBytes.get(this).slice());
    }

    text() {
      return Promise.resolve(new TextDecoder().decode(blobBytes.get(this)));
    }

    slice(start, end, contentType) {
      const bytes = blobBytes.get(this);
      const sliced = new Blob([], { type: contentType === undefined ? '' : contentType });
      blobBytes.set(sliced, bytes.slice(start === undefined ? 0 : start, end === undefined ? bytes.length : end));
      return sliced;
    }

    stream() {
      const bytes = blobBytes.get(this).slice();
      const { ReadableStream } = globalThis.__k6j_module('k6/experimental/streams').default;
      return new ReadableStream({
        start(controller) {
          if (bytes.length > 0) {
            controller.enqueue(bytes);
          }
          controller.close();
        },
      });
    }
  }

  function readParams(params) {
    const parsed = { headers: {}, tags: {}, jar: undefined, compression: false };
    if (params === undefined || params === null) {
      return parsed;
    }
    for (const key of Object.keys(params)) {
      const value = params[key];
      switch (key) {
        case 'headers':
          if (value !== undefined && value !== null) {
            for (const name of Object.keys(value)) {
              parsed.headers[name] = String(value[name]);
            }
          }
          break;
        case 'tags':
          if (value !== undefined && value !== null) {
            if (typeof value !== 'object') {
              throw new Error('invalid WebSocket tags option: invalid type ' + typeof value + ', expected an object');
            }
            for (const name of Object.keys(value)) {
              parsed.tags[name] = String(value[name]);
            }
          }
          break;
        case 'jar':
          parsed.jar = value === null ? undefined : value;
          break;
        case 'compression': {
          const algorithm = String(value).trim();
          if (algorithm !== 'deflate') {
            throw new Error("unsupported compression algorithm '" + algorithm + "', supported algorithm is 'deflate'");
          }
          parsed.compression = true;
          break;
        }
        default:
          throw new Error("unknown WebSocket's option " + key);
      }
    }
    return parsed;
  }

  // The Cookie header for `url` from the script's jar or the VU's (k6/http's); empty if there is no jar.
  function cookieHeader(url, jar) {
    let cookieJar = jar;
    if (cookieJar === undefined) {
      try {
        cookieJar = globalThis.__k6j_module('k6/http').default.cookieJar();
      } catch (e) {
        return '';
      }
    }
    if (!cookieJar || typeof cookieJar.cookiesForURL !== 'function') {
      return '';
    }
    const cookies = cookieJar.cookiesForURL(url.replace(/^ws/i, 'http'));
    const pairs = [];
    for (const name of Object.keys(cookies)) {
      for (const value of [].concat(cookies[name])) {
        pairs.push(name + '=' + value);
      }
    }
    return pairs.join('; ');
  }

  function subprotocolsOf(protocols) {
    if (protocols === undefined || protocols === null) {
      return [];
    }
    return typeof protocols === 'string' ? [protocols] : Array.from(protocols, String);
  }

  function defineReadyStates(target) {
    for (const [name, value] of [['CONNECTING', CONNECTING], ['OPEN', OPEN], ['CLOSING', CLOSING], ['CLOSED', CLOSED]]) {
      Object.defineProperty(target, name, { value: value, enumerable: true });
    }
  }

  class WebSocket {
    #socket;
    #url;
    #binaryType = 'blob';
    #listeners = new Map(EVENT_TYPES.map((type) => [type, []]));
    #handlers = new Map();

    constructor(url, protocols, params) {
      if (url === undefined || url === null) {
        throw new Error('WebSocket requires a url');
      }
      this.#url = String(url);
      const parsed = readParams(params);
      const cookies = /^wss?:/i.test(this.#url) ? cookieHeader(this.#url, parsed.jar) : '';
      this.#socket = host.open(this.#url, subprotocolsOf(protocols), parsed.headers, parsed.tags,
        parsed.compression, cookies, (type, a, b) => this.#dispatch(type, a, b));
      defineReadyStates(this);
    }

    get url() { return this.#url; }
    get readyState() { return this.#socket.readyState(); }
    get bufferedAmount() { return this.#socket.bufferedAmount(); }
    get protocol() { return this.#socket.protocol(); }
    get extensions() { return this.#socket.extensions(); }
    get binaryType() { return this.#binaryType; }
    set binaryType(type) {
      if (type !== 'blob' && type !== 'arraybuffer') {
        throw new Error('unknown binaryType ' + type + ', the supported ones are "blob" and "arraybuffer"');
      }
      this.#binaryType = type;
    }

    send(data) {
      this.#assertOpen();
      if (typeof data === 'string') {
        this.#socket.sendText(data);
        return;
      }
      const bytes = bytesOf(data);
      if (bytes === null) {
        throw new Error('unsupported send type ' + (data === null ? 'null' : typeof data));
      }
      this.#socket.sendBinary(bytes.buffer);
    }

    ping() {
      this.#assertOpen();
      this.#socket.ping();
    }

    close(code, reason) {
      const closeCode = code === undefined || code === null ? 1000 : Number(code);
      if (closeCode !== 1000 && !(closeCode >= 3000 && closeCode <= 4999)) {
        throw new Error("InvalidAccessError: Failed to execute 'close' on 'WebSocket': The close code must be "
          + 'either 1000, or between 3000 and 4999. ' + closeCode + ' is neither');
      }
      const closeReason = reason === undefined || reason === null ? '' : String(reason);
      if (new TextEncoder().encode(closeReason).length > 123) {
        throw new Error("SyntaxError: Failed to execute 'close' on 'WebSocket': The message must not be greater "
          + 'than 123 bytes');
      }
      this.#socket.close(closeCode, closeReason);
    }

    addEventListener(type, listener) {
      if (typeof listener !== 'function') {
        throw new Error('handler for event type "' + type + '" isn\'t a callable function');
      }
      const listeners = this.#listeners.get(type);
      if (listeners === undefined) {
        console.warn("can't add event handler: unknown event " + type);
        return;
      }
      listeners.push(listener);
    }

    #assertOpen() {
      if (this.#socket.readyState() !== OPEN) {
        throw new Error('InvalidStateError');
      }
    }

    #dispatch(type, a, b) {
      const event = { type: type, target: this, timestamp: Date.now() };
      switch (type) {
        case 'message':
          event.timestamp = b;
          event.origin = this.#url;
          event.data = typeof a === 'string' ? a : this.#binaryType === 'arraybuffer' ? a : new Blob([a]);
          break;
        case 'error':
          event.error = a;
          break;
        case 'close':
          event.code = a;
          event.reason = b;
          break;
        default:
      }
      const handler = this.#handlers.get(type);
      const listeners = this.#listeners.get(type).slice();
      if (handler) {
        listeners.unshift(handler);
      }
      for (const listener of listeners) {
        listener.call(this, event);
      }
    }

    static {
      for (const type of EVENT_TYPES) {
        Object.defineProperty(WebSocket.prototype, 'on' + type, {
          get() { return this.#handlers.get(type) || null; },
          set(handler) {
            if (handler === undefined || handler === null) {
              this.#handlers.delete(type);
            } else if (typeof handler !== 'function') {
              throw new Error("a value for 'on" + type + "' should be callable");
            } else {
              this.#handlers.set(type, handler);
            }
          },
          enumerable: true,
          configurable: true,
        });
      }
    }
  }
  defineReadyStates(WebSocket);

  return { WebSocket: WebSocket, Blob: Blob };
})
