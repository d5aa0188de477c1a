// A whole test served by the testbed, for remote scripts as k6 runs them:
//   k6j run https://127.0.0.1:8443/modules/script.js      (SSL_CERT_FILE naming the testbed's CA)
// Its relative import resolves against its URL.
import { randomString } from './k6j-utils/1.0.0/index.js';

export const options = { iterations: 2 };

export default function () {
  console.log(`a remote script ran: ${randomString(6).length} letters`);
}
