// Failures become responses with status 0, error and error_code; throw turns them into exceptions.
import http from 'k6/http';
import { check, sleep } from 'k6';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };
const BASE = __ENV.HTTP;

export default function () {
  check(http.get(__ENV.REFUSED), {
    'refused: status 0': (r) => r.status === 0,
    'refused: 1212': (r) => r.error_code === 1212 && r.error === 'dial: connection refused',
    'refused: no body': (r) => r.body === null,
  });
  check(http.get(`${BASE}/delay/5`, { timeout: '200ms' }), {
    'timeout: 1050': (r) => r.status === 0 && r.error_code === 1050 && r.error === 'request timeout',
  });
  check(http.get(`${BASE}/delay/5`, { timeout: 150 }), {
    'timeout in ms': (r) => r.error_code === 1050,
  });
  check(http.get(`${BASE}/malformed`), {
    'malformed: status 0 and an error': (r) => r.status === 0 && r.error !== '' && r.error_code === 1000,
  });
  check(http.get(`${BASE}/close`), {
    'closed: EOF': (r) => r.status === 0 && r.error === 'EOF' && r.error_code === 1000,
  });
  http.get(`${BASE}/close-soon`);
  sleep(0.3);
  check(http.post(`${BASE}/post`, 'x'), {
    'a kept connection the server closed is not used again': (r) => r.status === 200,
  });
  check(http.get('not a url at all'), { 'bad url': (r) => r.status === 0 && r.error_code !== 0 });
  check(http.get('http://'), { 'empty host: 1020': (r) => r.error_code === 1020 });
  check(http.get('ftp://127.0.0.1/'), { 'unsupported scheme': (r) => r.status === 0 && r.error.includes('scheme') });
  check(http.get(`${BASE}/status/503`), { '503: 1503': (r) => r.status === 503 && r.error_code === 1503 });

  let thrown = '';
  try {
    http.get(__ENV.REFUSED, { throw: true });
  } catch (e) {
    thrown = String(e.message || e);
  }
  check(thrown, { 'throw: exception with the message': (t) => t.includes('connection refused') });

  let statusThrown = false;
  try {
    http.get(`${BASE}/status/500`, { throw: true });
  } catch (e) {
    statusThrown = true;
  }
  check(statusThrown, { 'throw: an HTTP error status does not throw': (t) => t === false });

  const badBatch = http.batch({ good: `${BASE}/get`, bad: 'http://' });
  check(badBatch, {
    'a bad batch entry: nothing sent, the error on its entry': (r) => r.good.status === 0 && r.good.error === ''
      && r.bad.error_code === 1020,
  });
  check(http.get(`${BASE}/get`, { compression: 'br' }), {
    'unsupported compression is a failed request': (r) => r.status === 0 && r.error.includes('compression'),
  });
}
