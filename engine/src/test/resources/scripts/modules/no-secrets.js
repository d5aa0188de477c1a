import secrets from 'k6/secrets';
import { expectRejects } from './expect.js';
export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };
export default async function () {
  await expectRejects('no sources configured', secrets.get('token'), 'Error', 'no secret sources are configured');
}
