import { WebSocket } from 'k6/websockets';

// Sockets that never close: the test's end cuts the iterations short (gracefulStop 0s), and the run must still end.
export const options = {
  scenarios: { open: { executor: 'constant-vus', vus: 2, duration: '1s', gracefulStop: '0s' } },
};

export default function () {
  const ws = new WebSocket(__ENV.WS_URL + '/echo');
  ws.onopen = () => ws.send('still here');
}
