// HTTPS with insecureSkipTLSVerify: HTTP/2 by ALPN, TLS info, tlsVersion, tlsCipherSuites, client certificates.
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  iterations: 1,
  thresholds: { checks: ['rate==1'] },
  insecureSkipTLSVerify: true,
  hosts: { 'testbed.k6j.test': '127.0.0.1' },
  tlsAuth: [{ domains: ['localhost'], cert: __ENV.CLIENT_CERT, key: __ENV.CLIENT_KEY }],
};
const HTTPS = __ENV.HTTPS;
const MTLS = __ENV.MTLS;

export default function () {
  const h2 = http.get(`${HTTPS}/get`);
  check(h2, {
    'h2: status': (r) => r.status === 200,
    'h2: proto': (r) => r.proto === 'HTTP/2.0',
    'h2: server saw HTTP/2': (r) => r.json('proto') === 'HTTP/2.0',
    'h2: tls version': (r) => r.tls_version === 'tls1.3' || r.tls_version === 'tls1.2',
    'h2: cipher suite': (r) => r.tls_cipher_suite.startsWith('TLS_'),
    'h2: handshake timed': (r) => r.timings.tls_handshaking > 0,
    'h2: timings consistent': (r) =>
      Math.abs(r.timings.duration - (r.timings.sending + r.timings.waiting + r.timings.receiving)) < 1e-6,
  });
  const reused = http.post(`${HTTPS}/post`, { a: 'b' });
  check(reused, {
    'h2 connection reused': (r) => r.timings.tls_handshaking === 0 && r.timings.connecting === 0,
    'h2 post form': (r) => r.json('form.a') === 'b',
  });
  check(http.get(`${HTTPS}/redirect/2`), { 'h2 redirects': (r) => r.status === 200 && r.proto === 'HTTP/2.0' });
  check(http.get(`${HTTPS}/gzip`), { 'h2 gzip': (r) => r.json('method') === 'GET' });
  check(http.get(`${HTTPS}/bytes/200000`, { responseType: 'binary' }), {
    'h2 large body': (r) => r.body.byteLength === 200000,
  });
  const hostOverride = HTTPS.replace('127.0.0.1', 'testbed.k6j.test');
  check(http.get(`${hostOverride}/get`), {
    'hosts override': (r) => r.status === 200 && r.json('url').startsWith('https://testbed.k6j.test:'),
  });

  // The client certificate is only for localhost (tlsAuth domains), so 127.0.0.1 gets none.
  check(http.get(`${MTLS}/tls/client`), { 'mtls without certificate fails': (r) => r.status === 0 && r.error !== '' });
  const withCert = http.get(`${MTLS.replace('127.0.0.1', 'localhost')}/tls/client`);
  check(withCert, {
    'mtls with certificate': (r) => r.status === 200 && r.json('client_certificate') === 'CN=k6j test client',
  });
}
