import { WebSocket } from 'k6/websockets';
import { check } from 'k6';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

// Opens a socket and resolves with its error messages and close event.
function outcome(url, send) {
  return new Promise((resolve) => {
    const errors = [];
    const ws = new WebSocket(url);
    if (send) {
      ws.onopen = () => ws.send(send);
    }
    ws.onerror = (e) => errors.push(e.error);
    ws.onclose = (e) => resolve({ errors: errors, code: e.code, reason: e.reason, state: ws.readyState });
  });
}

export default async function () {
  const refused = await outcome('ws://127.0.0.1:1/');
  check(refused, {
    'refused: one error that says so': (o) => o.errors.length === 1
      && o.errors[0] === 'dial tcp 127.0.0.1:1: connect: connection refused',
    'refused: close event, CLOSED': (o) => o.state === WebSocket.CLOSED,
  });

  const notFound = await outcome(__ENV.WS_URL + '/nope');
  check(notFound, {
    'non-101: bad handshake with the status': (o) => o.errors.length === 1
      && o.errors[0] === 'websocket: bad handshake (HTTP status 404)',
  });

  const dropped = await outcome(__ENV.WS_URL + '/echo', '!drop');
  check(dropped, {
    'abrupt close: error and close 1006': (o) => o.code === 1006 && o.errors.length === 1
      && o.errors[0] === 'websocket: close 1006 (abnormal closure): unexpected EOF',
  });

  const closed = await outcome(__ENV.WS_URL + '/echo', '!close 4001 going home');
  check(closed, {
    'server close code and reason': (o) => o.code === 4001 && o.reason === 'going home',
    'unexpected close code is an error too': (o) => o.errors[0] === 'websocket: close 4001: going home',
  });

  const normal = await outcome(__ENV.WS_URL + '/echo', '!close 1000');
  check(normal, { 'server close 1000: no error': (o) => o.code === 1000 && o.errors.length === 0 });

  const unknownHost = await outcome('ws://no-such-host.invalid/');
  check(unknownHost, { 'unknown host: lookup error': (o) => /^dial tcp no-such-host\.invalid:80: lookup/.test(o.errors[0]) });

  const thrown = (fn) => { try { fn(); return ''; } catch (e) { return String(e.message); } };
  check(null, {
    'http:// URL throws': () => thrown(() => new WebSocket('http://127.0.0.1/'))
      === 'WebSocket requires url with scheme ws or wss, but got "http"',
    'no URL throws': () => thrown(() => new WebSocket()) === 'WebSocket requires a url',
    'fragment throws': () => /requires no url fragment/.test(thrown(() => new WebSocket('ws://127.0.0.1/#x'))),
    'unknown option throws': () => thrown(() => new WebSocket('ws://127.0.0.1/', null, { nope: 1 }))
      === "unknown WebSocket's option nope",
    'bad compression throws': () => /unsupported compression algorithm 'gzip'/.test(
      thrown(() => new WebSocket('ws://127.0.0.1/', null, { compression: 'gzip' }))),
  });

  const ws = new WebSocket(__ENV.WS_URL + '/echo');
  check(null, {
    'send while CONNECTING throws InvalidStateError': () => thrown(() => ws.send('x')) === 'InvalidStateError',
    'bad binaryType throws': () => /unknown binaryType/.test(thrown(() => { ws.binaryType = 'text'; })),
  });
  await new Promise((resolve) => { ws.onopen = resolve; });
  check(null, {
    'close code 1001 is refused': () => /close code must be either 1000, or between 3000 and 4999/.test(
      thrown(() => ws.close(1001))),
    'a reason over 123 bytes is refused': () => /must not be greater than 123 bytes/.test(
      thrown(() => ws.close(1000, 'x'.repeat(124)))),
  });
  const closeEvent = await new Promise((resolve) => { ws.onclose = resolve; ws.close(3001, 'done'); });
  check(closeEvent, { 'client close code is echoed': (e) => e.code === 3001 });
}
