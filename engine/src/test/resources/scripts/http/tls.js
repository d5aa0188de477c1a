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
  });
}
