// HTTPS samples: checked by HttpMetricsIT from the JSON output.
import http from 'k6/http';

export const options = { iterations: 1, insecureSkipTLSVerify: true };

export default function () {
  http.get(`${__ENV.HTTPS}/get`);
  http.get(`${__ENV.HTTPS}/get`);
}
