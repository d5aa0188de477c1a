// The k6j side of benchmarks/http.sh: one GET per iteration, no think time, like wrk.
import http from 'k6/http';

const target = __ENV.TARGET;

export default function () {
  http.get(target);
}
