// HTTPS and HTTP/2: the testbed's certificate is self-signed, so this test skips certificate checks;
// ALPN then picks HTTP/2, and res.proto, res.tls_version and the proto/tls_version tags say so.
//   ./k6j run examples/http-https.js          (testbed/run in another terminal)
import http from 'k6/http';
import { check } from 'k6';

const BASE = __ENV.HTTPS_BASE || 'https://127.0.0.1:16443';

export const options = {
  iterations: 3,
  insecureSkipTLSVerify: true,
  thresholds: { checks: ['rate==1.0'], 'http_reqs{proto:HTTP/2.0}': ['count>=3'] },
};

export default function () {
  const res = http.get(`${BASE}/get`);
  check(res, {
    'HTTP/2': (r) => r.proto === 'HTTP/2.0',
    'TLS 1.2 or 1.3': (r) => r.tls_version === http.TLS_1_3 || r.tls_version === http.TLS_1_2,
    'timings add up': (r) =>
      Math.abs(r.timings.duration - (r.timings.sending + r.timings.waiting + r.timings.receiving)) < 1e-6,
  });
}
