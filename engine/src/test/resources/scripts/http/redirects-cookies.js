// Redirects and cookies against the testbed. Run by HttpModuleIT.
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };
const BASE = __ENV.HTTP;

export default function () {
  check(http.get(`${BASE}/redirect/3`), {
    'redirects followed': (r) => r.status === 200 && r.url === `${BASE}/get`,
  });
  check(http.get(`${BASE}/absolute-redirect/2`), { 'absolute redirects': (r) => r.status === 200 });
  check(http.get(`${BASE}/redirect/3`, { redirects: 1 }), {
    'redirect limit returns the redirect': (r) => r.status === 302 && r.url === `${BASE}/redirect/2`,
  });
  check(http.get(`${BASE}/redirect/1`, { redirects: 0 }), {
    'no redirects': (r) => r.status === 302 && r.headers.Location === '/get',
  });
  const to303 = http.post(`${BASE}/redirect-to?url=/anything&status_code=303`, 'body');
  check(to303, { '303 turns POST into GET': (r) => r.json('method') === 'GET' && r.json('data') === '' });
  const to307 = http.post(`${BASE}/redirect-to?url=/anything&status_code=307`, 'body');
  check(to307, { '307 keeps method and body': (r) => r.json('method') === 'POST' && r.json('data') === 'body' });

  // The VU's jar: cookies set by a redirect are sent on, and kept for later requests.
  const set = http.get(`${BASE}/cookies/set?flavour=chocolate&size=big`);
  check(set, {
    'cookies from redirect response reach the target': (r) => r.json('cookies.flavour') === 'chocolate',
  });
  check(http.get(`${BASE}/cookies`), { 'jar keeps cookies': (r) => r.json('cookies.size') === 'big' });
  const jar = http.cookieJar();
  check(jar.cookiesForURL(`${BASE}/`), {
    'cookiesForURL': (c) => c.flavour[0] === 'chocolate' && c.size[0] === 'big',
  });
  jar.set(BASE, 'manual', 'yes');
  check(http.get(`${BASE}/cookies`), { 'jar.set cookie sent': (r) => r.json('cookies.manual') === 'yes' });
  jar.delete(BASE, 'manual');
  check(http.get(`${BASE}/cookies`), { 'jar.delete': (r) => r.json('cookies.manual') === undefined });

  check(http.get(`${BASE}/cookies`, { headers: { Cookie: 'raw=header' } }), {
    'a Cookie header is sent with the jar cookies': (r) => r.json('cookies.raw') === 'header'
      && r.json('cookies.size') === 'big',
  });
  check(http.get(`${BASE}/cookies`, { cookies: { extra: 'one' } }), {
    'request cookies added': (r) => r.json('cookies.extra') === 'one' && r.json('cookies.size') === 'big',
  });
  check(http.get(`${BASE}/cookies`, { cookies: { size: { value: 'small', replace: true } } }), {
    'replace hides the jar cookie': (r) => r.json('cookies.size') === 'small',
    'request.cookies shows it': (r) => r.request.cookies.size[0].value === 'small',
  });

  const responseCookies = http.get(`${BASE}/response-headers?Set-Cookie=rc%3Dv1%3B%20Path%3D%2F%3B%20HttpOnly`);
  check(responseCookies, {
    'res.cookies': (r) => r.cookies.rc[0].value === 'v1' && r.cookies.rc[0].http_only === true
      && r.cookies.rc[0].path === '/',
  });

  http.get(`${BASE}/cookies/delete?flavour`);
  check(http.get(`${BASE}/cookies`), { 'expired cookie removed': (r) => r.json('cookies.flavour') === undefined });

  jar.clear(BASE);
  check(http.get(`${BASE}/cookies`), { 'jar.clear': (r) => Object.keys(r.json('cookies')).length === 0 });

  const own = new http.CookieJar();
  own.set(BASE, 'private', 'p', { path: '/' });
  check(http.get(`${BASE}/cookies`, { jar: own }), {
    'own jar used': (r) => r.json('cookies.private') === 'p',
  });
  check(http.get(`${BASE}/cookies`), { 'own jar is not the VU jar': (r) => r.json('cookies.private') === undefined });
  check(own, { 'own jar is a CookieJar': (j) => j instanceof http.CookieJar });
}
