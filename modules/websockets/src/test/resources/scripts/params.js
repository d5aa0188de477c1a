import { WebSocket } from 'k6/websockets';
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  iterations: 1,
  thresholds: { checks: ['rate==1'], 'ws_sessions{custom:yes}': ['count==1'], 'ws_msgs_received{custom:yes}': ['count==2'] },
};

function open(url, protocols, params) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, params);
    ws.onopen = () => resolve(ws);
    ws.onerror = (e) => reject(new Error(e.error));
  });
}

function next(ws) {
  return new Promise((resolve) => { ws.onmessage = (e) => resolve(e.data); });
}

export default async function () {
  http.cookieJar().set(__ENV.WS_URL.replace('ws', 'http'), 'session', 'abc123');
  const ws = await open(__ENV.WS_URL + '/echo', ['superchat', 'chat'], {
    headers: { 'X-Custom': 'hello' },
    tags: { custom: 'yes' },
  });
  ws.send('!headers');
  const headers = JSON.parse(await next(ws));
  check(headers, {
    'custom header sent': (h) => h['x-custom'] === 'hello',
    'a User-Agent is sent': (h) => /^k6j\//.test(h['user-agent']),
    'cookie from the VU jar': (h) => h.cookie === 'session=abc123',
  });
  check(ws, { 'server chose a subprotocol we offered': (s) => s.protocol === 'superchat' });
  ws.send('tagged');
  await next(ws);
  ws.close();

  const jar = new http.CookieJar();
  jar.set(__ENV.WS_URL.replace('ws', 'http'), 'other', 'x');
  const withJar = await open(__ENV.WS_URL + '/echo', null, { jar: jar, compression: 'deflate' });
  check(withJar, {
    'permessage-deflate negotiated': (s) => s.extensions.length === 1 && /permessage-deflate/.test(s.extensions[0]),
  });
  withJar.send('!headers');
  const second = JSON.parse(await next(withJar));
  check(second, { 'cookie from the given jar': (h) => h.cookie === 'other=x' });
  const big = 'compress me '.repeat(1000);
  withJar.send(big);
  check(await next(withJar), { 'a compressed message echoes': (d) => d === big });
  withJar.close();
}
