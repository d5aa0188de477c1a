// A test that runs until it is interrupted.
import { sleep } from 'k6';

export const options = { scenarios: { long: { executor: 'constant-vus', vus: 2, duration: '2m' } } };

export default function () { sleep(0.2); }

export function teardown() { console.log('teardown ran'); }
