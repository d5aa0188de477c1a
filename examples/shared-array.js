// Test data shared by all VUs: ./k6j run examples/shared-array.js
// open() reads a file, relative to the script, and only in the init context (the top level).
// A SharedArray is built once per test run, by the first VU that gets there, and then shared
// read-only by every VU: memory holds the data once, however many VUs run. Each element you
// read is a fresh copy, and the array can't be changed.
import { check } from 'k6';
import { SharedArray } from 'k6/data';

const products = new SharedArray('products', () => JSON.parse(open('./data/products.json')));

// open() with 'b' gives an ArrayBuffer instead of text.
const rawBytes = open('./data/products.json', 'b');

export const options = {
  vus: 3,
  iterations: 15,
  thresholds: { checks: ['rate==1'] },
};

export default function () {
  // Spread the elements over the iterations: VU 1 starts at 0, VU 2 at 1, ...
  const product = products[(__VU - 1 + __ITER * 3) % products.length];

  check(product, {
    'there are five products': () => products.length === 5,
    'an element has its fields': (p) => typeof p.sku === 'string' && p.price > 0,
    'array methods work': () => products.filter((p) => p.stock === 0).length === 1,
    'elements are read-only': () => {
      try {
        products[0] = null;
        return false;
      } catch (e) {
        return true;
      }
    },
    'the file is also there as bytes': () => rawBytes.byteLength > 100,
  });
}
