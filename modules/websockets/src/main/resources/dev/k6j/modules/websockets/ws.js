// k6/ws: k6's legacy, blocking WebSocket API over `host` (LegacyWs, one per VU). ws.connect blocks until the
// socket closes; the socket's handlers and timers run inside it. `host.connect` calls `setup(hostSocket)` once
// the connection is open and takes back the dispatcher for the socket's events.
(function (host) {
  'use strict';

  function readParams(params) {
    const parsed = { headers: {}, tags: {}, jar: undefined, compression: false };
    if (params === undefined || params === null) {
      return parsed;
    }
    if (params.headers !== undefined && params.headers !== null) {
      for (const name of Object.keys(params.headers)) {
        parsed.headers[name] = String(params.headers[name]);
      }
    }
    if (params.tags !== undefined && params.tags !== null) {
      if (typeof params.tags !== 'object') {
        throw new Error('invalid ws.connect() metric tags: invalid type ' + typeof params.tags + ', expected an object');
      }
      for (const name of Object.keys(params.tags)) {
        parsed.tags[name] = String(params.tags[name]);
      }
    }
    if (params.jar !== undefined && params.jar !== null) {
      parsed.jar = params.jar;
    }
    if (params.compression !== undefined && params.compression !== null) {
      const algorithm = String(params.compression).trim();
      if (algorithm !== '' && algorithm !== 'deflate') {
        throw new Error("unsupported compression algorithm '" + algorithm + "', supported algorithm is 'deflate'");
      }
      parsed.compression = algorithm === 'deflate';
    }
    return parsed;
  }

  // The Cookie header for `url` from the script's jar or the VU's (k6/http's); empty if there is none.
  function cookieHeader(url, jar) {
    let cookieJar = jar;
    if (cookieJar === undefined) {
      try {
        cookieJar = globalThis.__k6j_module('k6/http').default.cookieJar();
      } catch (e) {
        return '';
      }
    }
    if (!/^wss?:/i.test(url) || !cookieJar || typeof cookieJar.cookiesForURL !== 'function') {
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

  class WebSocketError {
    #message;
    constructor(message) { this.#message = message; }
    error() { return this.#message; }
    toString() { return this.#message; }
  }

  // The script's view of the socket: handlers per event, and timers run by the socket's loop.
  function socketFor(hostSocket) {
    const handlers = new Map();
    const timers = new Map();
    let nextTimer = 0;
    const schedule = (handler, millis, repeat, what) => {
      const delay = Number(millis);
      if (!(delay > 0)) {
        throw new Error(what + ' requires a >0 timeout parameter, received ' + delay.toFixed(2));
      }
      const id = nextTimer++;
      timers.set(id, { handler: handler, repeat: repeat });
      hostSocket.schedule(id, delay, repeat);
    };
    const socket = {
      on(event, handler) {
        if (typeof handler !== 'function') {
          return;
        }
        if (!handlers.has(event)) {
          handlers.set(event, []);
        }
        handlers.get(event).push(handler);
      },
      send(message) { hostSocket.send(String(message)); },
      sendBinary(message) {
        if (!(message instanceof ArrayBuffer)) {
          const type = message === undefined || message === null ? String(message) : message.constructor.name;
          throw new Error('expected ArrayBuffer as argument, received: ' + type);
        }
        hostSocket.sendBinary(message);
      },
      ping() { hostSocket.ping(); },
      close(code) { hostSocket.close(code === undefined ? null : code); },
      setTimeout(handler, millis) { schedule(handler, millis, false, 'setTimeout'); },
      setInterval(handler, millis) { schedule(handler, millis, true, 'setInterval'); },
    };
    const dispatch = (type, ...args) => {
      if (type === 'timer') {
        const timer = timers.get(args[0]);
        if (timer !== undefined) {
          if (!timer.repeat) {
            timers.delete(args[0]);
          }
          timer.handler();
        }
        return;
      }
      const values = type === 'error' ? [new WebSocketError(args[0])] : args;
      for (const handler of handlers.get(type) || []) {
        handler(...values);
      }
    };
    return { socket: socket, dispatch: dispatch };
  }

  function connect(url, ...rest) {
    let params;
    let callback;
    if (rest.length === 2) {
      [params, callback] = rest;
    } else if (rest.length === 1) {
      [callback] = rest;
    } else {
      throw new Error('invalid number of arguments to ws.connect');
    }
    if (typeof callback !== 'function') {
      throw new Error('last argument to ws.connect must be a function');
    }
    const parsed = readParams(params);
    const target = String(url);
    return host.connect(target, parsed.headers, parsed.tags, parsed.compression, cookieHeader(target, parsed.jar),
      (hostSocket) => {
        const { socket, dispatch } = socketFor(hostSocket);
        callback(socket);
        return dispatch;
      });
  }

  return { connect: connect };
})
