// Remote modules: imports over https://, as scripts import jslib. The testbed serves a small library at
// /modules/k6j-utils/1.0.0/index.js; its own relative import ('./random.js') resolves against its URL, and the
// TypeScript module /modules/greeting.ts has its types stripped. Both are fetched once, before the test starts.
// The testbed's certificate is trusted the way k6 trusts a company CA, through SSL_CERT_FILE:
//   testbed/run --ca-file target/testbed-ca.pem          (in another terminal)
//   SSL_CERT_FILE=target/testbed-ca.pem ./k6j run examples/remote-module.js
import { check } from 'k6';
import { randomIntBetween, randomString, version } from 'https://127.0.0.1:8443/modules/k6j-utils/1.0.0/index.js';
import { greet } from 'https://127.0.0.1:8443/modules/greeting.ts';

export const options = {
  vus: 2,
  iterations: 10,
  thresholds: { checks: ['rate==1'] },
};

export default function () {
  const name = randomString(randomIntBetween(3, 8));
  check(greet(name), {
    'the remote library answers': () => version === '1.0.0' && name.length >= 3,
    'the remote TypeScript module answers': (greeting) => greeting.text === `hello, ${name}`,
  });
}
