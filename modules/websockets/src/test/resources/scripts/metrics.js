import { WebSocket } from 'k6/websockets';

export const options = { iterations: 1 };

export default function () {
  const ws = new WebSocket(__ENV.WS_URL + '/echo', 'chat');
  let echoes = 0;
  ws.onopen = () => {
    ws.ping();
    for (let i = 0; i < 3; i++) {
      ws.send('message ' + i);
    }
  };
  ws.onmessage = () => {
    if (++echoes === 3) {
      ws.close();
    }
  };
  ws.onpong = () => {};
}
