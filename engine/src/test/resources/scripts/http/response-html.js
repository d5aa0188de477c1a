// res.html() parses the body with k6/html. Run by HttpModuleIT.
import http from 'k6/http';
import { check } from 'k6';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

export default function () {
  const res = http.get(`${__ENV.HTTP}/html`);
  check(res, {
    'title through a Selection': (r) => r.html().find('title').text() === 'k6j testbed',
    'selector argument narrows': (r) => r.html('h1').text() === 'k6j testbed',
    'attributes': (r) => r.html('a').attr('href') === '/get',
    'links resolve against the response URL': (r) => r.html('a').get(0).href() === `${__ENV.HTTP}/get`,
    'form fields': (r) => r.html('form').serializeObject().who === 'k6j',
  });
}
