// Cookies and redirects: the VU's cookie jar keeps what servers set (also on redirects), the script can
// read and set cookies, and a request can bring its own cookies.
//   ./k6j run examples/http-cookies.js          (testbed/run in another terminal)
import http from 'k6/http';
import { check } from 'k6';

const BASE = __ENV.BASE || 'http://127.0.0.1:16080';

export const options = { iterations: 2, thresholds: { checks: ['rate==1.0'] } };

export default function () {
  // /cookies/set answers with Set-Cookie and a redirect to /cookies, which echoes the cookies it got.
  const res = http.get(`${BASE}/cookies/set?session=abc123`);
  check(res, {
    'redirect followed': (r) => r.url === `${BASE}/cookies`,
    'cookie sent on the redirect': (r) => r.json('cookies.session') === 'abc123',
  });

  const jar = http.cookieJar();
  jar.set(BASE, 'theme', 'dark');
  check(jar.cookiesForURL(BASE), { 'the jar has both': (c) => c.session[0] === 'abc123' && c.theme[0] === 'dark' });

  const own = http.get(`${BASE}/cookies`, { cookies: { theme: { value: 'light', replace: true } } });
  check(own, { 'a request cookie can replace the jar one': (r) => r.json('cookies.theme') === 'light' });

  const limited = http.get(`${BASE}/redirect/5`, { redirects: 2 });
  check(limited, { 'stops after two redirects': (r) => r.status === 302 });
}
