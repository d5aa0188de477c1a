// Secrets with k6/secrets, from a file: ./k6j run --secret-source=file=examples/data/secrets.txt examples/secrets.js
// or from a secret server (k6's url source; here the testbed's /secrets store, started with testbed/run):
//   ./k6j run --secret-source='url=urlTemplate=http://127.0.0.1:16080/secrets/{key},headers.Authorization=Bearer testbed-token,responsePath=value' examples/secrets.js
// Other sources: the environment (--secret-source=env=prefix=MY_APP_) and, for trying things out, the command line
// (--secret-source=mock=api_token=abc). Lookups are asynchronous. Once a script has a secret, its value is written
// as ***SECRET_REDACTED*** in every log line, so it never lands in CI logs.
import { check } from 'k6';
import secrets from 'k6/secrets';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

export default async function () {
  const token = await secrets.get('api_token');
  const headers = { Authorization: `Bearer ${token}` };
  console.log(`calling the API with ${headers.Authorization}`); // logs "Bearer ***SECRET_REDACTED***"
  check(token, { 'the token is there': (t) => t.length > 0 });
}
