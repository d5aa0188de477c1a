// HTTP/2 over TLS against the testbed: streams multiplexed on one connection (batch, asyncRequest), a body larger
// than the server's flow-control window, and timeouts that reset their stream while the connection carries on.
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  iterations: 1,
  thresholds: { checks: ['rate==1'] },
  insecureSkipTLSVerify: true,
  batchPerHost: 10,
};
const HTTPS = __ENV.HTTPS;
const reused = (r) => r.timings.connecting === 0 && r.timings.tls_handshaking === 0;

export default async function () {
  check(http.get(`${HTTPS}/get`), { 'HTTP/2': (r) => r.status === 200 && r.proto === 'HTTP/2.0' });

  const batchStart = Date.now();
  const batch = http.batch(Array.from({ length: 8 }, (_, i) => `${HTTPS}/delay/0.3?n=${i}`));
  const batchTime = Date.now() - batchStart;
  check(batch, {
    'batch: every response over HTTP/2, in order': (rs) => rs.every((r, i) => r.status === 200
      && r.proto === 'HTTP/2.0' && r.json('args.n') === String(i)),
    'batch: all on the one connection': (rs) => rs.every(reused),
    'batch: the streams ran at once': () => batchTime < 8 * 300,
  });

  const big = 'k6j'.repeat(100000);   // 300 KB: more than the 64 KB the server lets a stream send at first
  check(http.post(`${HTTPS}/post`, big, { headers: { 'Content-Type': 'text/plain' } }), {
    'a body beyond the flow-control window': (r) => r.status === 200 && r.json('data') === big && reused(r),
  });

  const timeoutStart = Date.now();
  const slow = http.get(`${HTTPS}/delay/5`, { timeout: '300ms' });
  check(slow, {
    'timeout: request timeout soon': (r) => r.status === 0 && r.error_code === 1050
      && Date.now() - timeoutStart < 3000,
  });
  check(http.get(`${HTTPS}/get`), { 'the connection outlives the reset stream': (r) => r.status === 200 && reused(r) });

  const parallel = await Promise.all([
    http.asyncRequest('GET', `${HTTPS}/delay/5`, null, { timeout: '300ms' }),
    http.asyncRequest('GET', `${HTTPS}/delay/0.6`),
    http.asyncRequest('POST', `${HTTPS}/post`, 'a'),
  ]);
  check(parallel, {
    'async: the timed-out stream fails alone': (r) => r[0].error_code === 1050 && r[1].status === 200
      && r[2].json('data') === 'a',
    'async: on the one connection': (r) => reused(r[1]) && reused(r[2]),
  });
}
