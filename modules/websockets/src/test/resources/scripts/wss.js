import { WebSocket } from 'k6/websockets';
import { check } from 'k6';

export const options = {
  iterations: 1,
  insecureSkipTLSVerify: __ENV.SKIP_VERIFY === 'true',
  thresholds: { checks: ['rate==1'] },
};

export default function () {
  const ws = new WebSocket(__ENV.WSS_URL + '/echo');
  ws.onopen = () => ws.send('over tls');
  ws.onmessage = (e) => {
    check(e, { 'echo over wss': (ev) => ev.data === 'over tls' });
    ws.close();
  };
  ws.onerror = (e) => {
    check(e, { 'an untrusted certificate fails the handshake': (ev) => __ENV.SKIP_VERIFY !== 'true' && /tls: /.test(ev.error) });
  };
}
