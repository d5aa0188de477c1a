// The k6/experimental/streams module: ReadableStream (WHATWG Streams) with a default controller and reader, and the
// Count/ByteLength queuing strategies. Byte streams (BYOB readers) are not offered, as in k6.
(function () {
  const internal = new WeakMap();
  const state = (o) => internal.get(o);
  const deferred = () => { let resolve, reject; const promise = new Promise((a, b) => { resolve = a; reject = b; }); return { promise, resolve, reject }; };

  class CountQueuingStrategy {
    constructor({ highWaterMark } = {}) {
      if (highWaterMark === undefined) throw new TypeError('CountQueuingStrategy needs a highWaterMark');
      Object.defineProperty(this, 'highWaterMark', { value: Number(highWaterMark), enumerable: true });
    }
    get size() { return () => 1; }
  }

  class ByteLengthQueuingStrategy {
    constructor({ highWaterMark } = {}) {
      if (highWaterMark === undefined) throw new TypeError('ByteLengthQueuingStrategy needs a highWaterMark');
      Object.defineProperty(this, 'highWaterMark', { value: Number(highWaterMark), enumerable: true });
    }
    get size() { return (chunk) => chunk.byteLength; }
  }

  class ReadableStreamDefaultController {
    constructor() { throw new TypeError('Illegal constructor'); }
    get desiredSize() {
      const s = state(this).stream;
      if (s.state === 'errored') return null;
      if (s.state === 'closed') return 0;
      return s.highWaterMark - s.queueSize;
    }
    enqueue(chunk) {
      const s = state(this).stream;
      if (s.closeRequested || s.state !== 'readable') throw new TypeError('cannot enqueue: the stream is closed or closing');
      if (s.readRequests.length > 0) {
        s.readRequests.shift().resolve({ value: chunk, done: false });
      } else {
        let size;
        try { size = Number(s.size(chunk)); } catch (e) { error(s, e); throw e; }
        if (!(size >= 0) || size === Infinity) { const e = new RangeError('invalid chunk size'); error(s, e); throw e; }
        s.queue.push({ chunk, size });
        s.queueSize += size;
      }
      pullIfNeeded(s);
    }
    close() {
      const s = state(this).stream;
      if (s.closeRequested || s.state !== 'readable') throw new TypeError('the stream is already closed or closing');
      s.closeRequested = true;
      if (s.queue.length === 0) finishClose(s);
    }
    error(e) {
      const s = state(this).stream;
      if (s.state === 'readable') error(s, e);
    }
  }

  class ReadableStreamDefaultReader {
    constructor(stream) {
      const s = state(stream);
      if (s === undefined) throw new TypeError('ReadableStreamDefaultReader needs a ReadableStream');
      if (s.reader) throw new TypeError('the stream is locked to another reader');
      s.reader = this;
      const closed = deferred();
      closed.promise.catch(() => {});
      internal.set(this, { stream: s, closed });
      if (s.state === 'closed') closed.resolve(undefined);
      if (s.state === 'errored') closed.reject(s.storedError);
    }
    get closed() { return state(this).closed.promise; }
    read() {
      const r = state(this);
      const s = r.stream;
      if (!s) return Promise.reject(new TypeError('the reader was released'));
      if (s.state === 'closed') return Promise.resolve({ value: undefined, done: true });
      if (s.state === 'errored') return Promise.reject(s.storedError);
      if (s.queue.length > 0) {
        const { chunk, size } = s.queue.shift();
        s.queueSize -= size;
        if (s.closeRequested && s.queue.length === 0) finishClose(s); else pullIfNeeded(s);
        return Promise.resolve({ value: chunk, done: false });
      }
      const request = deferred();
      s.readRequests.push(request);
      pullIfNeeded(s);
      return request.promise;
    }
    releaseLock() {
      const r = state(this);
      if (!r.stream) return;
      const failure = new TypeError('the reader was released');
      for (const request of r.stream.readRequests.splice(0)) request.reject(failure);
      if (r.stream.state === 'readable') r.closed.reject(failure);
      r.stream.reader = undefined;
      r.stream = undefined;
    }
    cancel(reason) {
      const r = state(this);
      if (!r.stream) return Promise.reject(new TypeError('the reader was released'));
      return cancel(r.stream, reason);
    }
  }

  class ReadableStream {
    constructor(underlyingSource = {}, strategy = {}) {
      if (underlyingSource.type !== undefined) throw new RangeError('byte streams are not supported');
      const hwm = strategy.highWaterMark === undefined ? 1 : Number(strategy.highWaterMark);
      if (Number.isNaN(hwm) || hwm < 0) throw new RangeError('invalid highWaterMark');
      const s = {
        state: 'readable', queue: [], queueSize: 0, highWaterMark: hwm, size: strategy.size || (() => 1),
        source: underlyingSource, started: false, pulling: false, pullAgain: false, closeRequested: false,
        readRequests: [], reader: undefined, storedError: undefined,
      };
      internal.set(this, s);
      const controller = Object.create(ReadableStreamDefaultController.prototype);
      internal.set(controller, { stream: s });
      s.controller = controller;
      let started;
      try {
        started = typeof underlyingSource.start === 'function' ? underlyingSource.start.call(underlyingSource, controller) : undefined;
      } catch (e) {
        error(s, e);
        throw e;
      }
      Promise.resolve(started).then(() => { s.started = true; pullIfNeeded(s); }, (e) => error(s, e));
    }
    get locked() { return state(this).reader !== undefined; }
    cancel(reason) {
      if (this.locked) return Promise.reject(new TypeError('cannot cancel a locked stream'));
      return cancel(state(this), reason);
    }
    getReader(options = {}) {
      if (options.mode !== undefined) throw new RangeError('only default readers are supported');
      return new ReadableStreamDefaultReader(this);
    }
    tee() {
      const reader = this.getReader();
      const branches = [];
      const pump = () => reader.read().then(({ value, done }) => {
        for (const c of branches) { try { if (done) c.close(); else c.enqueue(value); } catch (e) { /* a cancelled branch */ } }
      }, (e) => branches.forEach((c) => c.error(e)));
      const make = () => new ReadableStream({ start(c) { branches.push(c); }, pull: pump });
      return [make(), make()];
    }
    async *values({ preventCancel = false } = {}) {
      const reader = this.getReader();
      try {
        while (true) {
          const { value, done } = await reader.read();
          if (done) return;
          yield value;
        }
      } finally {
        if (!preventCancel) await reader.cancel();
        reader.releaseLock();
      }
    }
    [Symbol.asyncIterator](options) { return this.values(options); }
  }

  function pullIfNeeded(s) {
    if (!s.started || s.state !== 'readable' || s.closeRequested) return;
    const wanted = s.readRequests.length > 0 || s.highWaterMark - s.queueSize > 0;
    if (!wanted || typeof s.source.pull !== 'function') return;
    if (s.pulling) { s.pullAgain = true; return; }
    s.pulling = true;
    let pulled;
    try { pulled = s.source.pull.call(s.source, s.controller); } catch (e) { error(s, e); return; }
    Promise.resolve(pulled).then(() => {
      s.pulling = false;
      if (s.pullAgain) { s.pullAgain = false; pullIfNeeded(s); }
    }, (e) => error(s, e));
  }

  function finishClose(s) {
    s.state = 'closed';
    for (const request of s.readRequests.splice(0)) request.resolve({ value: undefined, done: true });
    if (s.reader) state(s.reader).closed.resolve(undefined);
  }

  function error(s, e) {
    if (s.state !== 'readable') return;
    s.state = 'errored';
    s.storedError = e;
    s.queue = [];
    s.queueSize = 0;
    for (const request of s.readRequests.splice(0)) request.reject(e);
    if (s.reader) state(s.reader).closed.reject(e);
  }

  function cancel(s, reason) {
    if (s.state === 'closed') return Promise.resolve(undefined);
    if (s.state === 'errored') return Promise.reject(s.storedError);
    s.queue = [];
    s.queueSize = 0;
    finishClose(s);
    const cancelled = typeof s.source.cancel === 'function' ? s.source.cancel.call(s.source, reason) : undefined;
    return Promise.resolve(cancelled).then(() => undefined);
  }

  return { ReadableStream, ReadableStreamDefaultReader, ReadableStreamDefaultController, CountQueuingStrategy, ByteLengthQueuingStrategy };
})
