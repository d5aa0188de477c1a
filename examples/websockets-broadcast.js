// The WebSocket load-testing pattern: many sockets subscribe to a feed, send a heartbeat ping, and measure how
// old each message is when it arrives (the server's timestamp to the client's receipt) in a custom Trend.
// Start the testbed in another terminal with testbed/run (its /broadcast sends every subscriber
// {"seq","ts","subscribers"} each ?interval= milliseconds), then:
//   ./k6j run examples/websockets-broadcast.js
// 20 VUs x 5 sockets for 10 s; knobs: -e VUS=50 -e SOCKETS=10 -e SECONDS=15 -e WS_URL=ws://host:port
import { WebSocket } from 'k6/websockets';
import { Trend } from 'k6/metrics';

const WS_URL = __ENV.WS_URL || 'ws://127.0.0.1:16081';
const SOCKETS = Number(__ENV.SOCKETS || 5);
const SECONDS = Number(__ENV.SECONDS || 10);
const latency = new Trend('broadcast_latency', true);

export const options = {
  scenarios: {
    feed: { executor: 'per-vu-iterations', vus: Number(__ENV.VUS || 20), iterations: 1, maxDuration: '1m' },
  },
  thresholds: { broadcast_latency: ['p(95)<250'], ws_msgs_received: ['count>0'] },
};

export default function () {
  for (let i = 0; i < SOCKETS; i++) {
    const ws = new WebSocket(WS_URL + '/broadcast?interval=100');
    ws.onopen = () => {
      ws.send('subscribe');
      const heartbeat = setInterval(() => ws.ping(), 1000);
      setTimeout(() => {
        clearInterval(heartbeat);
        ws.close();
      }, SECONDS * 1000);
    };
    ws.onmessage = (e) => latency.add(e.timestamp - JSON.parse(e.data).ts);
    ws.onerror = (e) => console.error(e.error);
  }
}
