// Start-up benchmark: one VU runs one empty iteration (k6j run -i 1).
// It imports 'k6' as nearly every real script does, so loading a module is part of what is timed.
import { sleep } from 'k6';

export default function () {
  sleep(0);
}
