// http.batch in its forms, asyncRequest, response callbacks.
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] }, batchPerHost: 2 };
const BASE = __ENV.HTTP;

export default async function () {
  const list = http.batch([
    `${BASE}/get?i=0`,
    ['GET', `${BASE}/get?i=1`],
    ['POST', `${BASE}/post`, 'two', { headers: { 'Content-Type': 'text/plain' } }],
    { method: 'PUT', url: `${BASE}/put`, body: 'three' },
    { url: `${BASE}/delay/0.2` },
    { method: 'GET', url: `${BASE}/status/418` },
  ]);
  check(list, {
    'batch array: all answered': (r) => r.length === 6,
    'batch array: order kept': (r) => r[0].json('args.i') === '0' && r[1].json('args.i') === '1',
    'batch array: post body': (r) => r[2].json('data') === 'two',
    'batch array: object form': (r) => r[3].json('method') === 'PUT' && r[3].json('data') === 'three',
    'batch array: status': (r) => r[5].status === 418,
    'batch responses have json()': (r) => typeof r[0].json === 'function',
  });

  const named = http.batch({
    first: `${BASE}/anything/first`,
    second: { method: 'POST', url: `${BASE}/anything/second`, body: { k: 'v' } },
  });
  check(named, {
    'batch object: keys': (r) => Object.keys(r).join() === 'first,second',
    'batch object: responses': (r) => r.first.json('url').endsWith('/first') && r.second.json('form.k') === 'v',
  });

  const many = http.batch(Array.from({ length: 8 }, (_, i) => `${BASE}/delay/0.05?n=${i}`));
  check(many, { 'batch above the per-host limit': (r) => r.every((res) => res.status === 200) });

  const asyncResponse = await http.asyncRequest('GET', `${BASE}/get?async=1`);
  check(asyncResponse, {
    'asyncRequest resolves to a Response': (r) => r.status === 200 && r.json('args.async') === '1',
  });
  const parallel = await Promise.all([
    http.asyncRequest('POST', `${BASE}/post`, 'a'),
    http.asyncRequest('GET', `${BASE}/delay/0.1`),
    http.asyncRequest('GET', __ENV.REFUSED),
  ]);
  check(parallel, {
    'asyncRequest in parallel': (r) => r[0].json('data') === 'a' && r[1].status === 200,
    'asyncRequest failure is status 0': (r) => r[2].status === 0 && r[2].error_code === 1212,
  });
  let rejected = '';
  try {
    await http.asyncRequest('GET', __ENV.REFUSED, null, { throw: true });
  } catch (e) {
    rejected = String(e.message || e);
  }
  check(rejected, { 'asyncRequest with throw rejects': (m) => m.includes('connection refused') });

  const only201 = http.expectedStatuses(201, { min: 500, max: 599 });
  check(http.get(`${BASE}/status/201`, { responseCallback: only201 }), { 'callback param': (r) => r.status === 201 });
  http.setResponseCallback(http.expectedStatuses(200, 404));
  check(http.get(`${BASE}/status/404`), { 'setResponseCallback': (r) => r.status === 404 });
  http.setResponseCallback(null);
  check(http.get(`${BASE}/status/500`), { 'no callback': (r) => r.status === 500 });
}
