// Samples and their tags: checked by HttpMetricsIT from the JSON output.
import http from 'k6/http';
import { group } from 'k6';

export const options = { iterations: 1 };
const BASE = __ENV.HTTP;

export default function () {
  group('api', () => {
    http.get(`${BASE}/get`, { tags: { kind: 'plain' } });
    http.get(http.url`${BASE}/anything/${7}`);
    http.get(`${BASE}/status/404`);
    http.get(`${BASE}/redirect/1`, { tags: { kind: 'redirect' } });
    http.get(__ENV.REFUSED, { tags: { kind: 'refused' } });
  });
  http.get(`${BASE}/get`, { tags: { name: 'custom-name' } });
}
