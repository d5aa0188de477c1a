// Uses k6/x/answer, an extension found on the test class path.
import { check } from 'k6';
import { answer } from 'k6/x/answer';

export const options = { iterations: 2, thresholds: { checks: ['rate==1'] } };

export default function () {
  check(answer(), { 'the answer is 42': (a) => a === 42 });
}
