// HTTPS against the testbed: certificate checks, HTTP/2 by ALPN, TLS versions, client certificates.
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  iterations: 1,
  thresholds: { checks: ['rate==1'] },
  hosts: { 'testbed.k6j.test': '127.0.0.1' },
};
const HTTPS = __ENV.HTTPS;

export default function () {
  const refused = http.get(`${HTTPS}/get`);
  check(refused, {
    'verify on: unknown authority refused': (r) => r.status === 0 && r.error_code === 1310,
    "res.error is k6's short message": (r) => r.error === 'x509: unknown authority',
  });
  // With throw: true the error is Go's whole text, as scripts match it in k6.
  let thrown = '';
  try {
    http.get(`${HTTPS}/get`, { throw: true });
  } catch (e) {
    thrown = String(e);
  }
  check(thrown, {
    'thrown: x509: certificate signed by unknown authority': (t) =>
      t.includes('tls: failed to verify certificate: x509: certificate signed by unknown authority'),
  });
}
