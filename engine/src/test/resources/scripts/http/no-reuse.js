// noConnectionReuse: every request opens its own connection.
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] }, noConnectionReuse: true };

export default function () {
  for (let i = 0; i < 3; i++) {
    check(http.get(`${__ENV.HTTP}/get`), {
      'a new connection': (r) => r.status === 200 && r.timings.connecting > 0,
      'Connection: close sent': (r) => r.json('headers.Connection') === 'close',
    });
  }
}
