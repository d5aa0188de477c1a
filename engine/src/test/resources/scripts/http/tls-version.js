// tlsVersion and tlsCipherSuites limit what is negotiated.
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  iterations: 1,
  thresholds: { checks: ['rate==1'] },
  insecureSkipTLSVerify: true,
  tlsVersion: http.TLS_1_2,
  tlsCipherSuites: ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
};

export default function () {
  check(http.get(`${__ENV.HTTPS}/get`), {
    'tls1.2 negotiated': (r) => r.status === 200 && r.tls_version === 'tls1.2',
    'cipher suite kept': (r) => r.tls_cipher_suite === 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  });
}
