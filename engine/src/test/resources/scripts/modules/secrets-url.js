// k6/secrets with k6's url source against the testbed's /secrets endpoint (the IT passes the flags), and a mock
// source on the command line; values are redacted in logs.
import secrets from 'k6/secrets';
import { expectEqual, expectRejects } from './expect.js';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

export default async function () {
  const token = await secrets.get('api_token');
  expectEqual('the url source answers', token === 'tb-api-token-8f3a', true);
  expectEqual('a second secret', (await secrets.source('url').get('password')) === 'tb-p4ssw0rd', true);
  await expectRejects('a secret the server does not have', secrets.get('nope'), 'Error', 'answered status 404');
  expectEqual('the mock source', (await secrets.source('mock').get('user')) === 'alice', true);
  await expectRejects('a secret the mock does not have', secrets.source('mock').get('nope'), 'Error', "no secret 'nope'");
  console.log('token=' + token + ' user=' + (await secrets.source('mock').get('user')));
}
