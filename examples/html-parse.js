// Reading HTML with k6/html: ./k6j run examples/html-parse.js
// parseHTML gives a jQuery-like Selection: find, attr, text, each, map, filter, forms with
// serialize(), and Elements with DOM methods. Here the page comes from a file; with k6/http,
// res.html() gives the same Selection for a response.
import { check } from 'k6';
import { parseHTML } from 'k6/html';

const page = open('./data/shop.html');

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

export default function () {
  const doc = parseHTML(page);

  const names = doc.find('li.product a').map((i, link) => link.text());
  const inStock = doc.find('li.product').not('.sold-out').size();
  const prices = doc.find('li.product').map((i, item) => item.data('price'));
  const form = doc.find('form#order');
  const firstLink = doc.find('li.product a').get(0);

  check(doc, {
    'the title': (d) => d.find('title').text() === 'k6j shop',
    'three products': () => names.join(',') === 'Lamp,Chair,Desk',
    'two in stock': () => inStock === 2,
    'data-price as numbers': () => prices.reduce((a, b) => a + b, 0) === 9.5 + 42 + 120,
    'the order form posts to /order': () => form.attr('action') === '/order' && form.get(0).method() === 'post',
    'the form serializes': () => form.serialize() === 'customer=Ada&size=m',
    'an Element': () => firstLink.nodeName() === 'a' && firstLink.pathname() === '/p/1',
  });
  doc.find('li.product').each((i, li) => console.log(`${i}: ${li.textContent().trim()} (id ${li.getAttribute('data-id')})`));
}
