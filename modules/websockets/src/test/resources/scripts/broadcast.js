// 10 sockets per VU subscribe to the testbed's broadcast feed, ping as a heartbeat, and measure how old each
// message is on arrival (server timestamp to event timestamp) in a custom Trend.
import { WebSocket } from 'k6/websockets';
import { Counter, Trend } from 'k6/metrics';

const latency = new Trend('broadcast_latency', true);
const feedMessages = new Counter('broadcast_messages');
const SOCKETS = Number(__ENV.SOCKETS_PER_VU || 10);
const SECONDS = Number(__ENV.SESSION_SECONDS || 15);

export const options = {
  scenarios: {
    feed: { executor: 'per-vu-iterations', vus: Number(__ENV.VUS || 50), iterations: 1, maxDuration: '2m' },
  },
};

export default function () {
  for (let i = 0; i < SOCKETS; i++) {
    const ws = new WebSocket(__ENV.WS_URL + '/broadcast?interval=' + (__ENV.INTERVAL_MS || 100));
    ws.onopen = () => {
      ws.send('subscribe');
      const heartbeat = setInterval(() => ws.ping(), 1000);
      setTimeout(() => {
        clearInterval(heartbeat);
        ws.close();
      }, SECONDS * 1000);
    };
    ws.onmessage = (e) => {
      const message = JSON.parse(e.data);
      latency.add(e.timestamp - message.ts);
      feedMessages.add(1);
    };
    ws.onerror = (e) => console.error('socket error: ' + e.error);
  }
}
