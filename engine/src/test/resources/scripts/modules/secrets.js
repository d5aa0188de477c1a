// k6/secrets with a file source marked default and an env source with a prefix; values are redacted in logs.
import secrets from 'k6/secrets';
import { get, source } from 'k6/secrets';
import { expectEqual, expectRejects } from './expect.js';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

export default async function () {
  const token = await secrets.get('token');
  expectEqual('the default source', token === 's3cr3t-value', true);
  expectEqual('named exports too', (await get('api_key')) === 'abc=def', true);
  expectEqual('a named source', (await secrets.source('vault').get('token')) === token, true);
  expectEqual('the env source with a prefix', (await source('env').get('TH')) === __ENV.PATH, true);
  await expectRejects('a missing secret', secrets.get('nope'), 'Error', "no secret 'nope' in secret source 'vault'");
  await expectRejects('an unknown source', secrets.source('other').get('token'), 'Error', "no secret source named 'other'");
  console.log('token is ' + token + ' and the key is ' + (await get('api_key')));
}
