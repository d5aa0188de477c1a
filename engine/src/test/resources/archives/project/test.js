// The archive fixture's script: a local module, a data file read with open(), a remote module, and __ENV.
import { check } from 'k6';
import { double } from './lib/math.js';
import { randomString } from 'https://127.0.0.1:34385/modules/k6j-utils/1.0.0/index.js';

const users = JSON.parse(open('./data/users.json'));

export const options = {
  vus: 1,
  iterations: 2,
  thresholds: { checks: ['rate==1'] },
};

export default function () {
  check(users, {
    'a local module': () => double(21) === 42,
    'a data file': (u) => u.length === 2 && u[1].name === 'bob',
    'a remote module': () => randomString(5).length === 5,
    'the archived environment': () => __ENV.GREETING === 'hello',
  });
}
