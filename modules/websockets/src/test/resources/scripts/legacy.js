import ws from 'k6/ws';
import { connect } from 'k6/ws';
import { check } from 'k6';

export const options = {
  iterations: 1,
  thresholds: { checks: ['rate==1'], ws_sessions: ['count==4'] },
};

export default function () {
  const events = [];
  let received = [];
  const res = ws.connect(__ENV.WS_URL + '/echo', { headers: { 'X-Legacy': 'yes' }, tags: { api: 'legacy' } }, (socket) => {
    socket.on('open', () => {
      events.push('open');
      socket.send('!headers');
      socket.sendBinary(new Uint8Array([7, 8]).buffer);
      socket.ping();
      socket.send('!ping 1');
      socket.setTimeout(() => {
        events.push('timeout');
        socket.close();
      }, 300);
      let ticks = 0;
      socket.setInterval(() => {
        ticks++;
        if (ticks <= 3) {
          socket.send('tick');
        }
      }, 20);
    });
    socket.on('message', (msg) => received.push(msg));
    socket.on('binaryMessage', (data) => events.push('binary:' + new Uint8Array(data).join(',')));
    socket.on('ping', () => events.push('ping'));
    socket.on('pong', () => events.push('pong'));
    socket.on('close', (code) => events.push('close:' + code));
    socket.on('error', (e) => events.push('error:' + e.error()));
  });
  check(res, {
    'connect returns the upgrade response': (r) => r && r.status === 101 && r.url === __ENV.WS_URL + '/echo'
      && r.error === '' && r.headers['Upgrade'] === 'websocket',
  });
  check(null, {
    'open first, close last with 1001': () => events[0] === 'open' && events[events.length - 1] === 'close:1001',
    'headers sent': () => JSON.parse(received[0])['x-legacy'] === 'yes',
    'three ticks echoed by the interval': () => received.filter((m) => m === 'tick').length === 3,
    'binary message': () => events.includes('binary:7,8'),
    'ping and pong events': () => events.includes('ping') && events.includes('pong'),
    'the timeout ran': () => events.includes('timeout'),
    'no error': () => !events.some((e) => e.startsWith('error')),
  });

  const refused = connect('ws://127.0.0.1:1/', null, () => {});
  check(refused, {
    'refused: the response carries the error': (r) => r.status === 0
      && r.error === 'dial tcp 127.0.0.1:1: connect: connection refused',
  });
  const notFound = ws.connect(__ENV.WS_URL + '/nope', () => {});
  check(notFound, {
    'non-101: the status and body': (r) => r.status === 404 && /no WebSocket endpoint/.test(r.body)
      && r.error === 'websocket: bad handshake (HTTP status 404)',
  });

  const serverClose = [];
  ws.connect(__ENV.WS_URL + '/echo', null, (socket) => {
    socket.on('open', () => socket.send('!close 4002 bye'));
    socket.on('error', (e) => serverClose.push('error:' + e.error()));
    socket.on('close', (code) => serverClose.push('close:' + code));
  });
  check(serverClose, {
    'server close: error then close with its code': (e) => e.join('|') === 'error:websocket: close 4002: bye|close:4002',
  });
  let thrown = '';
  try {
    ws.connect(__ENV.WS_URL + '/echo');
  } catch (e) {
    thrown = e.message;
  }
  check(thrown, { 'a missing callback throws': (t) => t === 'invalid number of arguments to ws.connect' });
}
