import { WebSocket } from 'k6/websockets';
import { check } from 'k6';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

export default function () {
  const ws = new WebSocket(__ENV.WS_URL + '/echo');
  let pongs = 0;
  let pings = 0;
  ws.onopen = () => {
    ws.ping();
    ws.send('!ping 2');            // the server pings twice; we answer with pongs on our own
  };
  ws.onpong = () => {
    pongs++;
    if (pongs === 1) {
      ws.ping();
    }
  };
  ws.addEventListener('ping', (e) => {
    pings++;
    check(e, { 'ping event': (ev) => ev.type === 'ping' });
  });
  ws.addEventListener('pong', (e) => check(e, { 'pong event': (ev) => ev.type === 'pong' }));
  setTimeout(() => {
    check(null, { 'two pongs': () => pongs === 2, 'two server pings': () => pings === 2 });
    ws.close();
  }, 500);
}
