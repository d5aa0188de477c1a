// k6/http's socket transport against a real nginx (NginxIT): keep-alive, chunked gzip, HEAD, errors, bodies.
import http from 'k6/http';
import { check } from 'k6';

const BASE = __ENV.NGINX;

export const options = { iterations: 4, vus: 2, thresholds: { checks: ['rate==1'] } };

export default function () {
  const first = http.get(`${BASE}/hello.txt`);
  const again = http.get(`${BASE}/hello.txt`);
  check(first, {
    'static file': (r) => r.status === 200 && r.body === 'hello from nginx\n' && r.proto === 'HTTP/1.1',
    'its headers': (r) => r.headers['Content-Type'] === 'text/plain' && r.headers['Content-Length'] === '17'
      && r.headers.Server.startsWith('nginx'),
    'timings add up': (r) => Math.abs(r.timings.duration
      - (r.timings.sending + r.timings.waiting + r.timings.receiving)) < 0.01,
  });
  check(again, { 'the kept connection is reused': (r) => r.status === 200 && r.timings.connecting === 0 });

  const gzipped = http.get(`${BASE}/big.json`, { headers: { 'Accept-Encoding': 'gzip' } });
  check(gzipped, {
    'chunked and gzipped, decoded': (r) => r.headers['Content-Encoding'] === 'gzip'
      && r.headers['Transfer-Encoding'] === 'chunked' && r.json().items.length === 2000,
  });

  const plain = http.get(`${BASE}/big.json`, { headers: { 'Accept-Encoding': 'identity' } });
  check(plain, { 'a body bigger than the buffer': (r) => r.body.length > 50000 && r.json('items.1999.id') === 1999 });

  check(http.head(`${BASE}/big.json`), { 'HEAD: no body': (r) => r.status === 200 && r.body === '' });
  check(http.get(`${BASE}/missing`), { '404 is a response': (r) => r.status === 404 && r.error_code === 1404 });
  check(http.post(`${BASE}/hello.txt`, 'x'), { 'POST to a file: 405': (r) => r.status === 405 });
  check(http.get(`${BASE}/redirect`), { 'redirect followed': (r) => r.status === 200 && r.url.endsWith('/hello.txt') });

  const none = http.get(`${BASE}/big.json`, { responseType: 'none' });
  check(none, { 'discarded body': (r) => r.status === 200 && r.body === null });

  const binary = http.get(`${BASE}/bytes.bin`, { responseType: 'binary' });
  check(binary, { 'binary body': (r) => r.body.byteLength === 256 && new Uint8Array(r.body)[255] === 255 });
}
