// A test that runs until it is stopped: the stopper's rehearsal.
import { sleep } from 'k6';

export const options = { vus: 2, duration: '10m' };

export default function () {
  sleep(0.1);
}
