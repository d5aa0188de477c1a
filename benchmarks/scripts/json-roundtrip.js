// CPU benchmark: JSON-heavy JavaScript in one VU (k6j run -u 1 -i 200).
// Each iteration builds a 1,000-key object and sends it through JSON.stringify/JSON.parse
// 100 times: the same kernel as the GraalJS measurements in docs/runtime.md.
import { check } from 'k6';

export default function () {
  const obj = {};
  for (let i = 0; i < 1000; i++) {
    obj['key' + i] = { n: i, s: 'value-' + i };
  }
  let copy = obj;
  for (let i = 0; i < 100; i++) {
    copy = JSON.parse(JSON.stringify(copy));
  }
  check(copy, { 'the object survives the round trips': (o) => o.key999.n === 999 });
}
