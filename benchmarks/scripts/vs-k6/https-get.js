// vs-k6.sh's "https" and "https1" workloads, run unchanged by k6 and k6j: the "get" workload over TLS, against
// nginx's self-signed certificate. The check also holds the protocol ALPN chose (PROTO: HTTP/2.0 or HTTP/1.1), so
// both tools are measured on the same one.
import http from 'k6/http';
import { check } from 'k6';

export const options = { insecureSkipTLSVerify: true };

const url = `${__ENV.TARGET}/hello`;
const proto = __ENV.PROTO;

export default function () {
  const res = http.get(url);
  check(res, { 'status is 200 over the protocol expected': (r) => r.status === 200 && r.proto === proto });
}
