import { WebSocket } from 'k6/websockets';
import { check } from 'k6';

export const options = {
  vus: 2, iterations: 4,
  thresholds: { checks: ['rate==1'], ws_sessions: ['count==12'], ws_msgs_sent: ['count==60'], ws_msgs_received: ['count==60'] },
};

// Three sockets per iteration, each sending on a timer: timers and socket events share the VU's event loop.
export default function () {
  for (let i = 0; i < 3; i++) {
    const ws = new WebSocket(__ENV.WS_URL + '/echo');
    let sent = 0;
    let received = 0;
    ws.onopen = () => {
      const interval = setInterval(() => {
        ws.send('tick ' + sent++);
        if (sent === 5) {
          clearInterval(interval);
        }
      }, 20);
    };
    ws.onmessage = () => {
      received++;
      if (received === 5) {
        setTimeout(() => ws.close(), 10);
      }
    };
    ws.onclose = () => check(null, { 'five echoes per socket': () => received === 5 && sent === 5 });
  }
}
