import { WebSocket } from 'k6/websockets';
import { check } from 'k6';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

export default function () {
  const ws = new WebSocket(__ENV.WS_URL + '/echo');
  const got = [];
  ws.onopen = () => {
    check(ws, { 'open: readyState is OPEN': (s) => s.readyState === WebSocket.OPEN && s.readyState === s.OPEN });
    ws.send('hello');
  };
  ws.addEventListener('message', (e) => {
    got.push(e.data);
    check(e, {
      'message event has type, target, timestamp, origin': (ev) => ev.type === 'message' && ev.target === ws
        && typeof ev.timestamp === 'number' && ev.origin === __ENV.WS_URL + '/echo',
    });
    ws.close();
  });
  ws.onclose = (e) => {
    check(e, {
      'echoed the text': () => got.length === 1 && got[0] === 'hello',
      'close code 1000': (ev) => ev.code === 1000,
      'readyState CLOSED': () => ws.readyState === WebSocket.CLOSED,
    });
  };
  ws.onerror = (e) => console.error('unexpected error: ' + e.error);
}
