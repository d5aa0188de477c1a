// Secrets with k6/secrets: ./k6j run --secret-source=file=examples/data/secrets.txt examples/secrets.js
// Secrets come from the sources given with --secret-source (a key=value file, or the environment:
// --secret-source=env=prefix=MY_APP_). Lookups are asynchronous. Once a script has a secret, its value
// is written as ***SECRET_REDACTED*** in every log line, so it never lands in CI logs.
import { check } from 'k6';
import secrets from 'k6/secrets';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

export default async function () {
  const token = await secrets.get('api_token');
  const headers = { Authorization: `Bearer ${token}` };
  console.log(`calling the API with ${headers.Authorization}`); // logs "Bearer ***SECRET_REDACTED***"
  check(token, { 'the token is there': (t) => t.length > 0 });
}
