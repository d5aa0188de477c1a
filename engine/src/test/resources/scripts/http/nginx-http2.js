// HTTP/2 against nginx (NginxIT): requests after its GOAWAY (keepalive_requests, 5 on GOAWAY_NGINX) go to a new
// connection, even in a batch, and even waiting for one of the 3 streams GOAWAY_NGINX allows at once; a batch of 60
// shares one connection; a stream it resets is sent again, as Go does; a timed-out stream is reset and the
// connection carries on; an answer that comes before the whole request body stops the body; a download bigger than
// k6j's stream window is acknowledged as it arrives.
import http from 'k6/http';
import { check } from 'k6';

const BASE = __ENV.NGINX;
const GOAWAY = __ENV.GOAWAY_NGINX;

export const options = {
  iterations: 1,
  insecureSkipTLSVerify: true,
  batchPerHost: 20,
  thresholds: { checks: ['rate==1'] },
};
const reused = (r) => r.timings.connecting === 0 && r.timings.tls_handshaking === 0;

export default function () {
  const serial = [];
  for (let i = 0; i < 12; i++) {
    serial.push(http.get(`${GOAWAY}/hello.txt`));
  }
  check(serial, {
    'GOAWAY: every request answered over HTTP/2': (rs) => rs.every((r) => r.status === 200 && r.proto === 'HTTP/2.0'),
    'GOAWAY: a new connection every 5 requests': (rs) => rs.filter((r) => !reused(r)).length === 3,
  });
  // GOAWAY_NGINX also allows 3 streams at once: the other requests of the batch wait for a slot.
  const batch = http.batch(Array.from({ length: 12 }, (_, i) => `${GOAWAY}/hello.txt?n=${i}`));
  check(batch, { 'GOAWAY in a batch: the streams above its last are sent again': (rs) => rs.every((r) => r.status === 200) });

  http.get(`${BASE}/hello.txt`);   // the connection the batch then shares
  const many = http.batch(Array.from({ length: 60 }, (_, i) => ({
    method: 'GET', url: `${BASE}/big.json?n=${i}`, params: { headers: { 'Accept-Encoding': i % 2 ? 'gzip' : 'identity' } },
  })));
  check(many, {
    'a batch of 60, 20 streams at once, bodies interleaved': (rs) => rs.every((r) => r.status === 200
      && r.proto === 'HTTP/2.0' && r.json('items.1999.id') === 1999 && reused(r)),
  });

  // nginx resets the stream of a 444 with PROTOCOL_ERROR; Go's transport (so k6) sends the request again on a new
  // connection at once, over and over, until the timeout (NginxIT counts the tries; k6 made about 100 here).
  const resetStart = Date.now();
  check(http.get(`${BASE}/reset`, { timeout: '2500ms' }), {
    'a stream reset with PROTOCOL_ERROR is sent again until the timeout': (r) => r.status === 0
      && r.error_code === 1050 && Date.now() - resetStart >= 2400,
  });

  const start = Date.now();
  check(http.get(`${BASE}/slow.bin`, { timeout: '500ms' }), {
    'a slow download times out': (r) => r.status === 0 && r.error_code === 1050 && Date.now() - start < 3000,
  });
  check(http.get(`${BASE}/hello.txt`), { '...and the connection carries on': (r) => r.status === 200 && reused(r) });

  check(http.post(`${BASE}/hello.txt`, 'x'.repeat(300000)), {
    'an answer before the whole body (405)': (r) => r.status === 405 && reused(r),
  });
  check(http.get(`${BASE}/hello.txt`), { '...and the connection still serves': (r) => r.status === 200 && reused(r) });

  check(http.get(`${BASE}/big.bin`, { responseType: 'binary' }), {
    'a download beyond the stream window': (r) => r.status === 200 && r.body.byteLength === 5000000 && reused(r),
  });
}
