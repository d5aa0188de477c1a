// Every method, body kind, params and Response field against the testbed (HTTP/1.1). Run by HttpModuleIT.
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };
const BASE = __ENV.HTTP;
const close = (a, b) => Math.abs(a - b) < 1e-6;

export default function () {
  const get = http.get(`${BASE}/get?a=1&b=two`, { headers: { 'X-Custom': 'yes', 'content-type': 'text/x' } });
  const echo = get.json();
  check(get, {
    'get status': (r) => r.status === 200,
    'get status_text': (r) => r.status_text === '200 OK',
    'get proto': (r) => r.proto === 'HTTP/1.1',
    'get url': (r) => r.url === `${BASE}/get?a=1&b=two`,
    'get remote_ip': (r) => r.remote_ip === '127.0.0.1',
    'get remote_port': (r) => r.remote_port === Number(BASE.split(':')[2]),
    'get header canonical': (r) => r.headers['Content-Type'] === 'application/json',
    'get sent custom header': () => echo.headers['X-Custom'] === 'yes',
    'get header name canonicalized': () => echo.headers['Content-Type'] === 'text/x',
    'get default user agent': () => /^k6j\//.test(echo.headers['User-Agent']),
    'get query args': () => echo.args.a === '1' && echo.args.b === 'two',
    'get no error': (r) => r.error === '' && r.error_code === 0,
    'get no tls': (r) => r.tls_version === '' && r.tls_cipher_suite === '',
    'get ocsp': (r) => r.ocsp.status === 'unknown',
    'get request method': (r) => r.request.method === 'GET',
    'get request url': (r) => r.request.url === `${BASE}/get?a=1&b=two`,
    'get request headers': (r) => r.request.headers['X-Custom'][0] === 'yes',
    'timings consistent': (r) => close(r.timings.duration, r.timings.sending + r.timings.waiting + r.timings.receiving),
    'timings non-negative': (r) => Object.values(r.timings).every((t) => t >= 0),
    'timings keys': (r) => ['blocked', 'connecting', 'tls_handshaking', 'sending', 'waiting', 'receiving', 'duration']
      .every((k) => typeof r.timings[k] === 'number'),
  });

  const again = http.get(`${BASE}/get`);
  check(again, {
    'kept-alive connection: no connecting': (r) => r.timings.connecting === 0,
    'kept-alive timings consistent': (r) =>
      close(r.timings.duration, r.timings.sending + r.timings.waiting + r.timings.receiving),
  });

  const json = http.get(`${BASE}/json`);
  check(json, {
    'json selector': (r) => r.json('name.first') === 'Grace',
    'json array index': (r) => r.json('friends.1.last') === 'Turing',
    'json array count': (r) => r.json('friends.#') === 2,
    'json array map': (r) => JSON.stringify(r.json('friends.#.first')) === '["Ada","Alan"]',
    'json wildcard': (r) => r.json('na*.last') === 'Hopper',
    'json missing': (r) => r.json('nope.nothing') === undefined,
    'json whole': (r) => r.json().age === 85,
  });

  const head = http.head(`${BASE}/get`);
  check(head, { 'head status': (r) => r.status === 200, 'head empty body': (r) => r.body === '' });

  const post = http.post(`${BASE}/post`, 'raw text body', { headers: { 'Content-Type': 'text/plain' } });
  check(post, {
    'post string body': (r) => r.json('data') === 'raw text body',
    'post content type': (r) => r.json('headers.Content-Type') === 'text/plain',
    'post request body': (r) => r.request.body === 'raw text body',
  });

  const form = http.post(`${BASE}/post`, { b: 'two', a: 1, list: ['x', 'y'] });
  check(form, {
    'form encoded sorted': (r) => r.json('data') === 'a=1&b=two&list=x&list=y',
    'form content type': (r) => r.json('headers.Content-Type') === 'application/x-www-form-urlencoded',
    'form parsed by server': (r) => r.json('form.b') === 'two',
  });

  const bytes = new Uint8Array([104, 105]).buffer;
  const binary = http.put(`${BASE}/put`, bytes);
  check(binary, { 'put ArrayBuffer body': (r) => r.json('data') === 'hi' });

  const multipart = http.post(`${BASE}/post`, {
    field: 'value',
    upload: http.file('file contents', 'hello.txt', 'text/plain'),
  });
  check(multipart, {
    'multipart content type': (r) => r.json('headers.Content-Type').startsWith('multipart/form-data; boundary='),
    'multipart field': (r) => r.json('form.field') === 'value',
    'multipart file': (r) => r.json('files.upload.content') === 'file contents'
      && r.json('files.upload.filename') === 'hello.txt',
  });

  check(http.patch(`${BASE}/patch`, 'p'), { 'patch': (r) => r.json('method') === 'PATCH' && r.json('data') === 'p' });
  check(http.del(`${BASE}/delete`), { 'del': (r) => r.json('method') === 'DELETE' });
  check(http.del(`${BASE}/delete`, 'gone'), { 'del with body': (r) => r.json('data') === 'gone' });
  check(http.options(`${BASE}/anything`), { 'options': (r) => r.json('method') === 'OPTIONS' });
  check(http.request('PROPFIND', `${BASE}/anything`), { 'custom method': (r) => r.json('method') === 'PROPFIND' });
  check(http.request('post', `${BASE}/anything`, 'x'), { 'lower-case method': (r) => r.json('method') === 'POST' });

  const binaryResponse = http.get(`${BASE}/bytes/10`, { responseType: 'binary' });
  check(binaryResponse, {
    'binary body is an ArrayBuffer': (r) => r.body instanceof ArrayBuffer && r.body.byteLength === 10,
    'binary body bytes': (r) => new Uint8Array(r.body)[9] === 9,
  });
  check(http.get(`${BASE}/json`, { responseType: 'binary' }), { 'json() of a binary body': (r) => r.json('age') === 85 });
  check(http.get(`${BASE}/get`, { timeout: 'soon' }), {
    'a bad timeout is a failed request': (r) => r.status === 0 && r.error.includes('invalid timeout'),
  });
  check(http.get(`${BASE}/bytes/10`, { responseType: 'none' }), { 'responseType none': (r) => r.body === null });
  const large = http.get(`${BASE}/bytes/3000000`, { responseType: 'binary' });
  check(large, { 'large body': (r) => r.body.byteLength === 3000000 });

  check(http.get(`${BASE}/gzip`), {
    'gzip decoded': (r) => r.json('method') === 'GET',
    'gzip header kept': (r) => r.headers['Content-Encoding'] === 'gzip',
  });
  check(http.get(`${BASE}/deflate`), { 'deflate decoded': (r) => r.json('method') === 'GET' });
  const compressed = http.post(`${BASE}/post`, 'squeeze me', { compression: 'gzip' });
  check(compressed, {
    'request compression header': (r) => r.json('headers.Content-Encoding') === 'gzip',
    'request compression body differs': (r) => r.json('data') !== 'squeeze me',
  });

  check(http.get(`${BASE}/status/404`), {
    '404 status': (r) => r.status === 404,
    '404 error_code': (r) => r.error_code === 1404 && r.error === '',
  });
  check(http.get(`${BASE}/basic-auth/user/pass`.replace('://', '://user:pass@')), {
    'basic auth from url': (r) => r.status === 200 && r.json('user') === 'user',
  });
  check(http.get(`${BASE}/digest-auth/auth/user/pass`.replace('://', '://user:pass@'), { auth: 'digest' }), {
    'digest auth': (r) => r.status === 200 && r.json('authenticated') === true,
  });
  check(http.get(`${BASE}/headers`, { headers: { 'User-Agent': 'mine/1.0' } }), {
    'user agent override': (r) => r.json('headers.User-Agent') === 'mine/1.0',
  });
  check(http.get(http.url`${BASE}/anything/${42}`), { 'http.url works': (r) => r.json('url').endsWith('/anything/42') });
  check(http.get(`${BASE}/html`), { 'html body': (r) => r.body.includes('<h1>k6j testbed</h1>') });
}
