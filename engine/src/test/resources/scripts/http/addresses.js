// blockHostnames, blacklistIPs, hosts and dns. The blacklisted address is refused before any connection.
import http from 'k6/http';
import { check } from 'k6';

export const options = {
  iterations: 1,
  thresholds: { checks: ['rate==1'] },
  blockHostnames: ['*.blocked.test', 'exact.test'],
  blacklistIPs: ['10.0.0.0/8'],
  hosts: { 'private.test': '10.1.2.3' },
  dns: { ttl: '1m', select: 'first', policy: 'onlyIPv4' },
};

export default function () {
  check(http.get('http://api.blocked.test/'), {
    'blocked hostname: 1111': (r) => r.status === 0 && r.error_code === 1111 && r.error === 'hostname is blocked',
  });
  check(http.get('http://exact.test/'), { 'blocked exact hostname': (r) => r.error_code === 1111 });
  check(http.get('http://private.test/'), {
    'blacklisted ip: 1110': (r) => r.status === 0 && r.error_code === 1110 && r.error === 'ip is blacklisted',
  });
  const port = __ENV.HTTP.split(':')[2];
  check(http.get(`http://localhost:${port}/get`), {
    'localhost through the dns policy': (r) => r.status === 200 && r.remote_ip === '127.0.0.1',
  });
}
