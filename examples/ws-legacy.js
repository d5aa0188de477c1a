// The legacy, blocking k6/ws API, which many scripts in the wild still use: ws.connect blocks the VU until the
// socket closes and returns the upgrade response. Start the testbed in another terminal with testbed/run, then:
//   ./k6j run examples/ws-legacy.js
// WS_URL points elsewhere: -e WS_URL=ws://host:port
import ws from 'k6/ws';
import { check } from 'k6';

const WS_URL = __ENV.WS_URL || 'ws://127.0.0.1:16081';

export const options = { vus: 3, duration: '10s', thresholds: { checks: ['rate==1'] } };

export default function () {
  const res = ws.connect(WS_URL + '/echo', { tags: { api: 'legacy' } }, (socket) => {
    socket.on('open', () => {
      socket.setInterval(() => socket.send('tick ' + Date.now()), 100);
      socket.setTimeout(() => socket.close(), 1000);
    });
    socket.on('message', (message) => check(message, { 'tick echoed': (m) => m.startsWith('tick') }));
    socket.on('error', (e) => console.error(e.error()));
    socket.on('close', (code) => check(code, { 'closed by us (1001)': (c) => c === 1001 }));
  });
  check(res, { 'status is 101': (r) => r && r.status === 101 });
}
