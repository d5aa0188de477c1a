// HTTP/2 against nginx (NginxIT) stopped in the middle of a slow download: the test stops nginx a second after the
// request to CUT arrives, while the download is under way. k6 reports what Go's transport does: unexpected EOF.
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 1, insecureSkipTLSVerify: true, thresholds: { checks: ['rate==1'] } };

export default async function () {
  const download = http.asyncRequest('GET', `${__ENV.NGINX}/slow.bin`);
  http.get(__ENV.CUT);
  check(await download, {
    'a download the server cut off': (r) => r.status === 0 && r.error_code === 1000 && r.error === 'unexpected EOF',
  });
}
