// Sending data: JSON, a form, and a file upload (multipart), with headers and tags.
//   ./k6j run examples/http-post.js          (testbed/run in another terminal)
import http from 'k6/http';
import { check } from 'k6';

const BASE = __ENV.BASE || 'http://127.0.0.1:16080';

export const options = { iterations: 3, thresholds: { checks: ['rate==1.0'] } };

export default function () {
  const order = { sku: 'k6j-mug', qty: 2 };
  const json = http.post(`${BASE}/post`, JSON.stringify(order), {
    headers: { 'Content-Type': 'application/json' },
    tags: { endpoint: 'orders' },
  });
  check(json, {
    'JSON sent': (r) => JSON.parse(r.json('data')).sku === 'k6j-mug',
    'content type sent': (r) => r.json('headers.Content-Type') === 'application/json',
  });

  // An object body is sent as a form (application/x-www-form-urlencoded)...
  const form = http.post(`${BASE}/post`, { name: 'k6j', lang: 'js' });
  check(form, { 'form fields arrive': (r) => r.json('form.name') === 'k6j' });

  // ...and as multipart/form-data when one of its values is a file.
  const upload = http.post(`${BASE}/post`, {
    title: 'report',
    file: http.file('a,b\n1,2\n', 'report.csv', 'text/csv'),
  });
  check(upload, { 'file arrives': (r) => r.json('files.file.filename') === 'report.csv' });
}
