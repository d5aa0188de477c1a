// The k6/experimental/streams module (WHATWG Streams), with what k6 exports: ReadableStream with its default reader
// and controller, CountQueuingStrategy, WritableStream with its default writer and controller, TransformStream, and
// piping (pipeTo, pipeThrough) and tee. As in k6, byte streams, BYOB readers and AbortSignal in pipe options are
// NotSupportedError. The algorithms follow the specification's abstract operations, named as there.
(function () {
  const internal = new WeakMap();
  const deferred = () => { let resolve, reject; const promise = new Promise((a, b) => { resolve = a; reject = b; }); return { promise, resolve, reject }; };
  const handled = (promise) => { promise.catch(() => {}); return promise; };
  const rejected = (e) => handled(Promise.reject(e));
  const call = (fn, self, ...args) => { try { return Promise.resolve(fn.apply(self, args)); } catch (e) { return Promise.reject(e); } };
  const notSupported = (message) => { const e = new Error(message); e.name = 'NotSupportedError'; return e; };

  // The internal state of `object`, which must be a `kind` ("this is a ReadableStream", as Web IDL checks it).
  function state(object, kind) {
    const s = object !== null && typeof object === 'object' ? internal.get(object) : undefined;
    if (s === undefined || s.kind !== kind) throw new TypeError(`not a ${kind}`);
    return s;
  }

  // ExtractHighWaterMark and ExtractSizeAlgorithm.
  function strategyOf(strategy, defaultHighWaterMark) {
    const { highWaterMark, size } = strategy == null ? {} : strategy;
    const hwm = highWaterMark === undefined ? defaultHighWaterMark : Number(highWaterMark);
    if (Number.isNaN(hwm) || hwm < 0) throw new RangeError('invalid highWaterMark: ' + highWaterMark);
    if (size !== undefined && typeof size !== 'function') throw new TypeError('a queuing strategy size must be a function');
    return { hwm, size: size === undefined ? () => 1 : (chunk) => size.call(undefined, chunk) };
  }

  function chunkSize(size, chunk) {
    const n = Number(size(chunk));
    if (!(n >= 0) || n === Infinity) throw new RangeError('a chunk size must be a finite, non-negative number');
    return n;
  }

  class CountQueuingStrategy {
    constructor(init) {
      if (init == null || init.highWaterMark === undefined) throw new TypeError('CountQueuingStrategy needs a highWaterMark');
      Object.defineProperty(this, 'highWaterMark', { value: Number(init.highWaterMark), enumerable: true });
    }
    get size() { return () => 1; }
  }

  // ---- ReadableStream ----------------------------------------------------------------------------------------

  class ReadableStreamDefaultController {
    constructor() { throw new TypeError('Illegal constructor'); }
    get desiredSize() { return readableDesiredSize(state(this, 'ReadableStreamDefaultController').stream); }
    enqueue(chunk) {
      const s = state(this, 'ReadableStreamDefaultController').stream;
      if (!canCloseOrEnqueue(s)) throw new TypeError('cannot enqueue: the stream is closed or closing');
      readableEnqueue(s, chunk);
    }
    close() {
      const s = state(this, 'ReadableStreamDefaultController').stream;
      if (!canCloseOrEnqueue(s)) throw new TypeError('the stream is already closed or closing');
      readableClose(s);
    }
    error(e) { readableError(state(this, 'ReadableStreamDefaultController').stream, e); }
  }

  class ReadableStreamDefaultReader {
    constructor(stream) {
      const s = state(stream, 'ReadableStream');
      if (s.reader) throw new TypeError('the stream is locked to another reader');
      s.reader = this;
      const closed = deferred();
      handled(closed.promise);
      internal.set(this, { kind: 'ReadableStreamDefaultReader', stream: s, closed });
      if (s.state === 'closed') closed.resolve(undefined);
      if (s.state === 'errored') closed.reject(s.storedError);
    }
    get closed() { return state(this, 'ReadableStreamDefaultReader').closed.promise; }
    read() {
      let r;
      try { r = state(this, 'ReadableStreamDefaultReader'); } catch (e) { return Promise.reject(e); }
      const s = r.stream;
      if (!s) return Promise.reject(new TypeError('the reader was released'));
      s.disturbed = true;
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
      const r = state(this, 'ReadableStreamDefaultReader');
      if (!r.stream) return;
      const failure = new TypeError('the reader was released');
      for (const request of r.stream.readRequests.splice(0)) request.reject(failure);
      if (r.stream.state === 'readable') r.closed.reject(failure);
      else { r.closed = deferred(); handled(r.closed.promise); r.closed.reject(failure); }
      r.stream.reader = undefined;
      r.stream = undefined;
    }
    cancel(reason) {
      let r;
      try { r = state(this, 'ReadableStreamDefaultReader'); } catch (e) { return Promise.reject(e); }
      if (!r.stream) return Promise.reject(new TypeError('the reader was released'));
      return readableCancel(r.stream, reason);
    }
  }

  class ReadableStream {
    constructor(underlyingSource = undefined, strategy = undefined) {
      const { hwm, size } = strategyOf(strategy, 1);
      if (underlyingSource !== undefined && (underlyingSource === null || typeof underlyingSource !== 'object')) {
        throw new TypeError('underlyingSource must be an object');
      }
      const source = underlyingSource || {};
      if (source.type === 'bytes') throw notSupported("'bytes' stream is not supported yet");
      if (source.type !== undefined && source.type !== 'default') throw new TypeError(`invalid stream type '${source.type}'`);
      for (const name of ['start', 'pull', 'cancel']) {
        if (source[name] !== undefined && typeof source[name] !== 'function') throw new TypeError(`underlyingSource.${name} must be a function`);
      }
      const s = {
        kind: 'ReadableStream', state: 'readable', queue: [], queueSize: 0, highWaterMark: hwm, size,
        source, started: false, pulling: false, pullAgain: false, closeRequested: false, disturbed: false,
        readRequests: [], reader: undefined, storedError: undefined,
      };
      internal.set(this, s);
      const controller = Object.create(ReadableStreamDefaultController.prototype);
      internal.set(controller, { kind: 'ReadableStreamDefaultController', stream: s });
      s.controller = controller;
      const started = source.start ? source.start.call(source, controller) : undefined;
      Promise.resolve(started).then(() => { s.started = true; pullIfNeeded(s); }, (e) => readableError(s, e));
    }
    get locked() { return state(this, 'ReadableStream').reader !== undefined; }
    cancel(reason) {
      let s;
      try { s = state(this, 'ReadableStream'); } catch (e) { return Promise.reject(e); }
      if (s.reader) return Promise.reject(new TypeError('cannot cancel a locked stream'));
      return readableCancel(s, reason);
    }
    getReader(options = undefined) {
      state(this, 'ReadableStream');
      const mode = options == null ? undefined : options.mode;
      if (mode === 'byob') throw notSupported("'byob' mode is not supported yet");
      if (mode !== undefined) throw new TypeError(`invalid reader mode '${mode}'`);
      return new ReadableStreamDefaultReader(this);
    }
    tee() {
      state(this, 'ReadableStream');
      const reader = this.getReader();
      const branches = [];
      let reading = false;
      const pump = () => {
        if (reading) return Promise.resolve();
        reading = true;
        return reader.read().then(({ value, done }) => {
          reading = false;
          for (const c of branches) {
            const b = internal.get(c).stream;
            if (!canCloseOrEnqueue(b)) continue;
            if (done) readableClose(b); else readableEnqueue(b, value);
          }
        }, (e) => { reading = false; branches.forEach((c) => readableError(internal.get(c).stream, e)); });
      };
      let cancelled = 0;
      const make = () => new ReadableStream({
        start(c) { branches.push(c); },
        pull: pump,
        cancel(reason) { if (++cancelled === 2) return reader.cancel(reason); return undefined; },
      });
      return [make(), make()];
    }
    pipeTo(destination, options = undefined) {
      try {
        const source = state(this, 'ReadableStream');
        const dest = state(destination, 'WritableStream');
        const { preventClose, preventAbort, preventCancel } = pipeOptions(options);
        if (source.reader) return Promise.reject(new TypeError('the source stream is locked'));
        if (dest.writer) return Promise.reject(new TypeError('the destination stream is locked'));
        return pipe(this, destination, dest, { preventClose, preventAbort, preventCancel });
      } catch (e) {
        return Promise.reject(e);
      }
    }
    pipeThrough(transform, options = undefined) {
      state(this, 'ReadableStream');
      if (transform == null || typeof transform !== 'object') throw new TypeError('pipeThrough needs a { writable, readable } pair');
      const { writable, readable } = transform;
      state(readable, 'ReadableStream');
      state(writable, 'WritableStream');
      pipeOptions(options);
      if (this.locked) throw new TypeError('the source stream is locked');
      if (writable.locked) throw new TypeError('the destination stream is locked');
      handled(this.pipeTo(writable, options));
      return readable;
    }
  }

  function pipeOptions(options) {
    if (options != null && typeof options !== 'object') throw new TypeError('pipe options must be an object');
    const o = options || {};
    if (o.signal !== undefined) throw notSupported('AbortSignal is not supported by stream piping yet');
    return { preventAbort: Boolean(o.preventAbort), preventCancel: Boolean(o.preventCancel), preventClose: Boolean(o.preventClose) };
  }

  const canCloseOrEnqueue = (s) => !s.closeRequested && s.state === 'readable';

  function readableDesiredSize(s) {
    if (s.state === 'errored') return null;
    if (s.state === 'closed') return 0;
    return s.highWaterMark - s.queueSize;
  }

  function readableEnqueue(s, chunk) {
    if (s.reader && s.readRequests.length > 0) {
      s.readRequests.shift().resolve({ value: chunk, done: false });
    } else {
      let size;
      try { size = chunkSize(s.size, chunk); } catch (e) { readableError(s, e); throw e; }
      s.queue.push({ chunk, size });
      s.queueSize += size;
    }
    pullIfNeeded(s);
  }

  function readableClose(s) {
    s.closeRequested = true;
    if (s.queue.length === 0) finishClose(s);
  }

  // ReadableStreamDefaultControllerShouldCallPull, as TransformStream's backpressure needs it too.
  function shouldCallPull(s) {
    if (!canCloseOrEnqueue(s) || !s.started) return false;
    if (s.reader && s.readRequests.length > 0) return true;
    return readableDesiredSize(s) > 0;
  }

  function pullIfNeeded(s) {
    if (!shouldCallPull(s) || !s.source.pull) return;
    if (s.pulling) { s.pullAgain = true; return; }
    s.pulling = true;
    call(s.source.pull, s.source, s.controller).then(() => {
      s.pulling = false;
      if (s.pullAgain) { s.pullAgain = false; pullIfNeeded(s); }
    }, (e) => readableError(s, e));
  }

  function finishClose(s) {
    s.state = 'closed';
    for (const request of s.readRequests.splice(0)) request.resolve({ value: undefined, done: true });
    if (s.reader) internal.get(s.reader).closed.resolve(undefined);
  }

  function readableError(s, e) {
    if (s.state !== 'readable') return;
    s.state = 'errored';
    s.storedError = e;
    s.queue = [];
    s.queueSize = 0;
    for (const request of s.readRequests.splice(0)) request.reject(e);
    if (s.reader) internal.get(s.reader).closed.reject(e);
  }

  function readableCancel(s, reason) {
    s.disturbed = true;
    if (s.state === 'closed') return Promise.resolve(undefined);
    if (s.state === 'errored') return Promise.reject(s.storedError);
    s.queue = [];
    s.queueSize = 0;
    finishClose(s);
    const cancelled = s.source.cancel ? call(s.source.cancel, s.source, reason) : Promise.resolve();
    return cancelled.then(() => undefined);
  }

  // ReadableStreamPipeTo: reads and writes until one side closes or errors, then shuts down as the options say.
  function pipe(readable, writable, dest, { preventClose, preventAbort, preventCancel }) {
    const reader = readable.getReader();
    const source = internal.get(readable);
    const writer = writable.getWriter();
    const result = deferred();
    let shuttingDown = false;
    let lastRead = Promise.resolve();
    let lastWrite = Promise.resolve();

    const finalize = (isError, error) => {
      writer.releaseLock();
      reader.releaseLock();
      if (isError) result.reject(error); else result.resolve(undefined);
    };
    // Waits for the chunks already read to be written, unless the destination can take no more.
    const afterWrites = (then) => {
      if (dest.state === 'writable' && !closeQueuedOrInFlight(dest)) lastRead.then(() => lastWrite).then(then, then);
      else then();
    };
    const shutdownWithAction = (action, isError, error) => {
      if (shuttingDown) return;
      shuttingDown = true;
      afterWrites(() => action().then(() => finalize(isError, error), (e) => finalize(true, e)));
    };
    const shutdown = (isError, error) => {
      if (shuttingDown) return;
      shuttingDown = true;
      afterWrites(() => finalize(isError, error));
    };

    const sourceErrored = (e) => {
      if (!preventAbort) shutdownWithAction(() => writableAbort(dest, e), true, e); else shutdown(true, e);
    };
    const destErrored = (e) => {
      if (!preventCancel) shutdownWithAction(() => readableCancel(source, e), true, e); else shutdown(true, e);
    };
    const sourceClosed = () => {
      if (!preventClose) shutdownWithAction(() => writerCloseWithErrorPropagation(dest), false); else shutdown(false);
    };
    const destClosed = () => {
      const e = new TypeError('the destination stream closed before the source');
      if (!preventCancel) shutdownWithAction(() => readableCancel(source, e), true, e); else shutdown(true, e);
    };
    const check = () => {
      if (source.state === 'errored') sourceErrored(source.storedError);
      else if (dest.state === 'errored' || dest.state === 'erroring') destErrored(dest.storedError);
      else if (source.state === 'closed') sourceClosed();
      else if (closeQueuedOrInFlight(dest) || dest.state === 'closed') destClosed();
    };

    reader.closed.then(() => { if (!shuttingDown) sourceClosed(); }, (e) => { if (!shuttingDown) sourceErrored(e); });
    writer.closed.then(() => { if (!shuttingDown) destClosed(); }, (e) => { if (!shuttingDown) destErrored(e); });
    check();
    // A chunk read is written even when shutdown began meanwhile (the closed promises may settle first).
    const step = () => {
      if (shuttingDown) return;
      writer.ready.then(() => {
        if (shuttingDown) return;
        lastRead = reader.read().then(({ value, done }) => {
          if (done) return;
          if (dest.state === 'writable' && !closeQueuedOrInFlight(dest)) lastWrite = handled(writer.write(value));
          step();
        }).catch(() => { /* the closed promises report it */ });
      }, () => { /* likewise */ });
    };
    Promise.resolve().then(step);
    return result.promise;
  }

  // ---- WritableStream ----------------------------------------------------------------------------------------

  const CLOSE = Symbol('close');

  class WritableStreamDefaultController {
    constructor() { throw new TypeError('Illegal constructor'); }
    error(e) {
      const c = state(this, 'WritableStreamDefaultController');
      if (c.stream.state !== 'writable') return;
      controllerError(c, e);
    }
  }

  class WritableStreamDefaultWriter {
    constructor(stream) {
      const s = state(stream, 'WritableStream');
      if (s.writer) throw new TypeError('the stream is locked to another writer');
      const w = { kind: 'WritableStreamDefaultWriter', stream: s, ready: deferred(), closed: deferred() };
      handled(w.ready.promise);
      handled(w.closed.promise);
      internal.set(this, w);
      s.writer = w;
      if (s.state === 'writable') {
        if (closeQueuedOrInFlight(s) || !s.backpressure) w.ready.resolve(undefined);
      } else if (s.state === 'erroring') {
        w.ready.reject(s.storedError);
      } else if (s.state === 'closed') {
        w.ready.resolve(undefined);
        w.closed.resolve(undefined);
      } else {
        w.ready.reject(s.storedError);
        w.closed.reject(s.storedError);
      }
    }
    get closed() { return state(this, 'WritableStreamDefaultWriter').closed.promise; }
    get ready() { return state(this, 'WritableStreamDefaultWriter').ready.promise; }
    get desiredSize() {
      const w = state(this, 'WritableStreamDefaultWriter');
      if (!w.stream) throw new TypeError('the writer was released');
      return writableDesiredSize(w.stream);
    }
    abort(reason) {
      return writerOperation(this, (s) => writableAbort(s, reason));
    }
    close() {
      return writerOperation(this, (s) => (closeQueuedOrInFlight(s)
        ? Promise.reject(new TypeError('the stream is already closing')) : writableClose(s)));
    }
    releaseLock() {
      const w = state(this, 'WritableStreamDefaultWriter');
      if (!w.stream) return;
      const released = new TypeError('the writer was released');
      rejectReady(w, released);
      rejectClosed(w, released);
      w.stream.writer = undefined;
      w.stream = undefined;
    }
    write(chunk) {
      return writerOperation(this, (s) => writerWrite(s, chunk));
    }
  }

  function writerOperation(writer, operation) {
    let w;
    try { w = state(writer, 'WritableStreamDefaultWriter'); } catch (e) { return Promise.reject(e); }
    if (!w.stream) return Promise.reject(new TypeError('the writer was released'));
    return operation(w.stream);
  }

  class WritableStream {
    constructor(underlyingSink = undefined, strategy = undefined) {
      const { hwm, size } = strategyOf(strategy, 1);
      if (underlyingSink !== undefined && (underlyingSink === null || typeof underlyingSink !== 'object')) {
        throw new TypeError('underlyingSink must be an object');
      }
      const sink = underlyingSink || {};
      if (sink.type !== undefined) throw new RangeError("'type' is not supported by WritableStream");
      for (const name of ['start', 'write', 'close', 'abort']) {
        if (sink[name] !== undefined && typeof sink[name] !== 'function') throw new TypeError(`underlyingSink.${name} must be a function`);
      }
      const s = {
        kind: 'WritableStream', state: 'writable', storedError: undefined, writer: undefined, backpressure: false,
        inFlightWrite: null, closeRequest: null, inFlightClose: null, pendingAbort: null, writeRequests: [],
      };
      internal.set(this, s);
      const controller = Object.create(WritableStreamDefaultController.prototype);
      const c = {
        kind: 'WritableStreamDefaultController', stream: s, queue: [], queueSize: 0, started: false, hwm, size,
        write: (chunk) => (sink.write ? call(sink.write, sink, chunk, controller) : Promise.resolve()),
        close: () => (sink.close ? call(sink.close, sink) : Promise.resolve()),
        abort: (reason) => (sink.abort ? call(sink.abort, sink, reason) : Promise.resolve()),
      };
      internal.set(controller, c);
      s.controller = c;
      updateBackpressure(s, writableDesiredSize(s) <= 0);
      const started = sink.start ? sink.start.call(sink, controller) : undefined;
      Promise.resolve(started).then(() => {
        c.started = true;
        advanceQueueIfNeeded(c);
      }, (e) => {
        c.started = true;
        dealWithRejection(s, e);
      });
    }
    get locked() { return state(this, 'WritableStream').writer !== undefined; }
    abort(reason) {
      let s;
      try { s = state(this, 'WritableStream'); } catch (e) { return Promise.reject(e); }
      if (s.writer) return Promise.reject(new TypeError('cannot abort a locked stream'));
      return writableAbort(s, reason);
    }
    close() {
      let s;
      try { s = state(this, 'WritableStream'); } catch (e) { return Promise.reject(e); }
      if (s.writer) return Promise.reject(new TypeError('cannot close a locked stream'));
      if (closeQueuedOrInFlight(s)) return Promise.reject(new TypeError('the stream is already closing'));
      return writableClose(s);
    }
    getWriter() { return new WritableStreamDefaultWriter(this); }
  }

  const closeQueuedOrInFlight = (s) => s.closeRequest !== null || s.inFlightClose !== null;
  const inFlight = (s) => s.inFlightWrite !== null || s.inFlightClose !== null;

  function writableDesiredSize(s) {
    if (s.state === 'errored' || s.state === 'erroring') return null;
    if (s.state === 'closed') return 0;
    return s.controller.hwm - s.controller.queueSize;
  }

  function writableAbort(s, reason) {
    if (s.state === 'closed' || s.state === 'errored') return Promise.resolve(undefined);
    if (s.pendingAbort) return s.pendingAbort.promise;
    const wasAlreadyErroring = s.state === 'erroring';
    const request = deferred();
    s.pendingAbort = { ...request, reason: wasAlreadyErroring ? undefined : reason, wasAlreadyErroring };
    if (!wasAlreadyErroring) startErroring(s, reason);
    return request.promise;
  }

  function writableClose(s) {
    if (s.state === 'closed' || s.state === 'errored') return Promise.reject(new TypeError('the stream is closed or errored'));
    const request = deferred();
    s.closeRequest = request;
    if (s.writer && s.backpressure && s.state === 'writable') s.writer.ready.resolve(undefined);
    s.controller.queue.push({ value: CLOSE, size: 0 });
    advanceQueueIfNeeded(s.controller);
    return request.promise;
  }

  function writerCloseWithErrorPropagation(s) {
    if (closeQueuedOrInFlight(s) || s.state === 'closed') return Promise.resolve(undefined);
    if (s.state === 'errored') return Promise.reject(s.storedError);
    return writableClose(s);
  }

  function writerWrite(s, chunk) {
    const c = s.controller;
    let size = 1;
    try {
      size = chunkSize(c.size, chunk);
    } catch (e) {
      if (s.state === 'writable') controllerError(c, e);
    }
    if (s.state === 'errored') return Promise.reject(s.storedError);
    if (closeQueuedOrInFlight(s) || s.state === 'closed') return Promise.reject(new TypeError('the stream is closing or closed'));
    if (s.state === 'erroring') return Promise.reject(s.storedError);
    const request = deferred();
    s.writeRequests.push(request);
    c.queue.push({ value: chunk, size });
    c.queueSize += size;
    if (!closeQueuedOrInFlight(s) && s.state === 'writable') updateBackpressure(s, writableDesiredSize(s) <= 0);
    advanceQueueIfNeeded(c);
    return request.promise;
  }

  function advanceQueueIfNeeded(c) {
    const s = c.stream;
    if (!c.started || s.inFlightWrite !== null) return;
    if (s.state === 'erroring') { finishErroring(s); return; }
    if (s.state !== 'writable' || c.queue.length === 0) return;
    const { value } = c.queue[0];
    if (value === CLOSE) {
      s.inFlightClose = s.closeRequest;
      s.closeRequest = null;
      c.queue.shift();
      const closing = c.close();
      clearAlgorithms(c);
      closing.then(() => finishInFlightClose(s), (e) => finishInFlightCloseWithError(s, e));
      return;
    }
    s.inFlightWrite = s.writeRequests.shift();
    c.write(value).then(() => {
      s.inFlightWrite.resolve(undefined);
      s.inFlightWrite = null;
      const { size } = c.queue.shift();
      c.queueSize = Math.max(0, c.queueSize - size);
      if (!closeQueuedOrInFlight(s) && s.state === 'writable') updateBackpressure(s, writableDesiredSize(s) <= 0);
      advanceQueueIfNeeded(c);
    }, (e) => {
      if (s.state === 'writable') clearAlgorithms(c);
      s.inFlightWrite.reject(e);
      s.inFlightWrite = null;
      dealWithRejection(s, e);
    });
  }

  function clearAlgorithms(c) {
    c.write = () => Promise.resolve();
    c.close = () => Promise.resolve();
    c.abort = () => Promise.resolve();
  }

  function controllerError(c, e) {
    clearAlgorithms(c);
    startErroring(c.stream, e);
  }

  function dealWithRejection(s, e) {
    if (s.state === 'writable') startErroring(s, e); else finishErroring(s);
  }

  function startErroring(s, reason) {
    s.state = 'erroring';
    s.storedError = reason;
    if (s.writer) rejectReady(s.writer, reason);
    if (!inFlight(s) && s.controller.started) finishErroring(s);
  }

  function finishErroring(s) {
    s.state = 'errored';
    s.controller.queue = [];
    s.controller.queueSize = 0;
    for (const request of s.writeRequests.splice(0)) request.reject(s.storedError);
    const abort = s.pendingAbort;
    if (!abort) { rejectCloseAndClosed(s); return; }
    s.pendingAbort = null;
    if (abort.wasAlreadyErroring) { abort.reject(s.storedError); rejectCloseAndClosed(s); return; }
    const aborting = s.controller.abort(abort.reason);
    clearAlgorithms(s.controller);
    aborting.then(() => { abort.resolve(undefined); rejectCloseAndClosed(s); },
      (e) => { abort.reject(e); rejectCloseAndClosed(s); });
  }

  function finishInFlightClose(s) {
    s.inFlightClose.resolve(undefined);
    s.inFlightClose = null;
    if (s.state === 'erroring') {
      s.storedError = undefined;
      if (s.pendingAbort) { s.pendingAbort.resolve(undefined); s.pendingAbort = null; }
    }
    s.state = 'closed';
    if (s.writer) s.writer.closed.resolve(undefined);
  }

  function finishInFlightCloseWithError(s, e) {
    s.inFlightClose.reject(e);
    s.inFlightClose = null;
    if (s.pendingAbort) { s.pendingAbort.reject(e); s.pendingAbort = null; }
    dealWithRejection(s, e);
  }

  function rejectCloseAndClosed(s) {
    if (s.closeRequest) { s.closeRequest.reject(s.storedError); s.closeRequest = null; }
    if (s.writer) rejectClosed(s.writer, s.storedError);
  }

  function updateBackpressure(s, backpressure) {
    if (s.writer && backpressure !== s.backpressure) {
      if (backpressure) { s.writer.ready = deferred(); handled(s.writer.ready.promise); } else s.writer.ready.resolve(undefined);
    }
    s.backpressure = backpressure;
  }

  // A settled promise cannot be rejected again: the writer gets a new, rejected one, as the specification says.
  function rejectReady(w, e) {
    w.ready.reject(e);
    w.ready = { promise: rejected(e), resolve() {}, reject() {} };
  }

  function rejectClosed(w, e) {
    w.closed.reject(e);
    w.closed = { promise: rejected(e), resolve() {}, reject() {} };
  }

  // ---- TransformStream ---------------------------------------------------------------------------------------

  class TransformStreamDefaultController {
    constructor() { throw new TypeError('Illegal constructor'); }
    get desiredSize() { return readableDesiredSize(state(this, 'TransformStreamDefaultController').stream.readableState); }
    enqueue(chunk) { transformEnqueue(state(this, 'TransformStreamDefaultController').stream, chunk); }
    error(reason) { transformError(state(this, 'TransformStreamDefaultController').stream, reason); }
    terminate() {
      const t = state(this, 'TransformStreamDefaultController').stream;
      if (canCloseOrEnqueue(t.readableState)) readableClose(t.readableState);
      errorWritableAndUnblockWrite(t, new TypeError('the TransformStream was terminated'));
    }
  }

  class TransformStream {
    constructor(transformer = undefined, writableStrategy = undefined, readableStrategy = undefined) {
      const tr = transformer == null ? {} : transformer;
      if (typeof tr !== 'object') throw new TypeError('transformer must be an object');
      if (tr.readableType !== undefined) throw new RangeError("'readableType' is not supported");
      if (tr.writableType !== undefined) throw new RangeError("'writableType' is not supported");
      for (const name of ['start', 'transform', 'flush', 'cancel']) {
        if (tr[name] !== undefined && typeof tr[name] !== 'function') throw new TypeError(`transformer.${name} must be a function`);
      }
      const readableHwm = strategyOf(readableStrategy, 0);
      const writableHwm = strategyOf(writableStrategy, 1);
      const start = deferred();
      const controller = Object.create(TransformStreamDefaultController.prototype);
      const t = { kind: 'TransformStream', backpressure: undefined, backpressureChange: undefined, finish: undefined };
      internal.set(this, t);
      internal.set(controller, { kind: 'TransformStreamDefaultController', stream: t });
      t.transform = tr.transform ? (chunk) => call(tr.transform, tr, chunk, controller)
        : (chunk) => { try { transformEnqueue(t, chunk); return Promise.resolve(); } catch (e) { return Promise.reject(e); } };
      t.flush = () => (tr.flush ? call(tr.flush, tr, controller) : Promise.resolve());
      t.cancel = (reason) => (tr.cancel ? call(tr.cancel, tr, reason) : Promise.resolve());
      t.writable = new WritableStream({
        start: () => start.promise,
        write: (chunk) => sinkWrite(t, chunk),
        close: () => sinkClose(t),
        abort: (reason) => sinkAbort(t, reason),
      }, { highWaterMark: writableHwm.hwm, size: writableHwm.size });
      t.readable = new ReadableStream({
        start: (c) => { t.readableController = c; return start.promise; },
        pull: () => { setBackpressure(t, false); return t.backpressureChange.promise; },
        cancel: (reason) => sourceCancel(t, reason),
      }, { highWaterMark: readableHwm.hwm, size: readableHwm.size });
      t.readableState = internal.get(t.readable);
      t.writableState = internal.get(t.writable);
      setBackpressure(t, true);
      if (tr.start) start.resolve(tr.start.call(tr, controller)); else start.resolve(undefined);
    }
    get readable() { return state(this, 'TransformStream').readable; }
    get writable() { return state(this, 'TransformStream').writable; }
  }

  function setBackpressure(t, backpressure) {
    if (t.backpressureChange) t.backpressureChange.resolve(undefined);
    t.backpressureChange = deferred();
    t.backpressure = backpressure;
  }

  function transformEnqueue(t, chunk) {
    const r = t.readableState;
    if (!canCloseOrEnqueue(r)) throw new TypeError('the readable side cannot take more chunks');
    try {
      readableEnqueue(r, chunk);
    } catch (e) {
      errorWritableAndUnblockWrite(t, e);
      throw r.storedError;
    }
    const backpressure = !shouldCallPull(r);
    if (backpressure !== t.backpressure && backpressure) setBackpressure(t, true);
  }

  function transformError(t, e) {
    readableError(t.readableState, e);
    errorWritableAndUnblockWrite(t, e);
  }

  function errorWritableAndUnblockWrite(t, e) {
    t.transform = () => Promise.resolve();
    t.flush = () => Promise.resolve();
    t.cancel = () => Promise.resolve();
    if (t.writableState.state === 'writable') controllerError(t.writableState.controller, e);
    if (t.backpressure) setBackpressure(t, false);
  }

  function performTransform(t, chunk) {
    return t.transform(chunk).catch((e) => { transformError(t, e); throw e; });
  }

  function sinkWrite(t, chunk) {
    if (!t.backpressure) return performTransform(t, chunk);
    return t.backpressureChange.promise.then(() => {
      if (t.writableState.state === 'erroring') throw t.writableState.storedError;
      return performTransform(t, chunk);
    });
  }

  // Flushing, aborting the writable side and cancelling the readable side each finish the transform: the first
  // runs, later ones share its promise. `settle(finish)` runs after `step` succeeds; a failure errors `readable`.
  function finishOnce(t, step, settle) {
    if (t.finish) return t.finish.promise;
    const finish = t.finish = deferred();
    step().then(() => settle(finish), (e) => {
      readableError(t.readableState, e);
      errorWritableAndUnblockWrite(t, e);
      finish.reject(e);
    });
    return finish.promise;
  }

  function once(t, name) {
    const algorithm = t[name];
    t[name] = () => Promise.resolve();
    return algorithm;
  }

  function sinkClose(t) {
    const r = t.readableState;
    return finishOnce(t, () => once(t, 'flush')(), (finish) => {
      if (r.state === 'errored') { finish.reject(r.storedError); return; }
      if (canCloseOrEnqueue(r)) readableClose(r);
      finish.resolve(undefined);
    });
  }

  function sinkAbort(t, reason) {
    const r = t.readableState;
    return finishOnce(t, () => once(t, 'cancel')(reason), (finish) => {
      if (r.state === 'errored') { finish.reject(r.storedError); return; }
      readableError(r, reason);
      finish.resolve(undefined);
    });
  }

  function sourceCancel(t, reason) {
    const w = t.writableState;
    return finishOnce(t, () => once(t, 'cancel')(reason), (finish) => {
      if (w.state === 'errored') { finish.reject(w.storedError); return; }
      errorWritableAndUnblockWrite(t, reason);
      finish.resolve(undefined);
    });
  }

  return {
    ReadableStream, ReadableStreamDefaultReader, CountQueuingStrategy,
    WritableStream, WritableStreamDefaultWriter, TransformStream,
  };
})
