// k6/websockets against the testbed's echo endpoint. Start the testbed in another terminal with testbed/run,
// then (./k6j includes the websockets module; a custom engine needs `bin/bundler build --with websockets`):
//   ./k6j run examples/websockets-echo.js
// Five VUs each open two sockets, send text and binary, ping, and close; checks cover every event.
// WS_URL points elsewhere: -e WS_URL=ws://host:port
import { WebSocket } from 'k6/websockets';
import { check } from 'k6';

const WS_URL = __ENV.WS_URL || 'ws://127.0.0.1:16081';

export const options = {
  vus: 5,
  duration: '10s',
  thresholds: { checks: ['rate==1'], ws_connecting: ['p(95)<500'] },
};

function session(id) {
  const ws = new WebSocket(WS_URL + '/echo', 'chat', { tags: { socket: String(id) } });
  ws.binaryType = 'arraybuffer';
  let replies = 0;
  ws.onopen = () => {
    ws.send('hello from VU ' + __VU);
    ws.send(new Uint8Array([1, 2, 3]));
    ws.ping();
  };
  ws.onmessage = (e) => {
    replies++;
    check(e.data, {
      'echo arrives': (d) => (typeof d === 'string' && d.startsWith('hello')) || d.byteLength === 3,
    });
    if (replies === 2) {
      setTimeout(() => ws.close(), 500);
    }
  };
  ws.onpong = () => check(ws, { 'pong while open': (s) => s.readyState === WebSocket.OPEN });
  ws.onerror = (e) => console.error('socket ' + id + ': ' + e.error);
  ws.onclose = (e) => check(e, { 'closed normally': (ev) => ev.code === 1000 });
}

export default function () {
  session(1);
  session(2);
}
