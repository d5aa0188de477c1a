// Memory benchmark: many VUs that do nothing but sleep (k6j run -u 1000 -d 10s).
// What the process holds at its peak is the cost of the VUs themselves: a JS context,
// an event loop and a (virtual) thread each.
import { sleep } from 'k6';

export default function () {
  sleep(1);
}
