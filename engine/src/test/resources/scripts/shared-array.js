import { SharedArray } from 'k6/data';
import { check } from 'k6';

const users = new SharedArray('users', () => JSON.parse(open('./data/users.json')));
const raw = open('./data/users.csv', 'b');

export const options = { vus: 3, iterations: 9 };

export default function () {
  const user = users[__ITER % users.length];
  check(users, {
    'has three users': (u) => u.length === 3,
    'element is a copy with data': () => typeof user.name === 'string',
    'is read-only': (u) => { try { u[0] = 1; return false; } catch (e) { return true; } },
    'iterates': (u) => [...u].map((x) => x.name).join(',') === 'ann,bob,cy',
    'array methods': (u) => u.filter((x) => x.name !== 'bob').length === 2,
    'binary open': () => raw.byteLength === 14,
  });
}
