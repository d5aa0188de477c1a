-- wrk reports p50/p75/p90/p99 only; benchmarks/http.sh wants p95, like k6's summary.
done = function(summary, latency, requests)
  io.write(string.format("k6j-bench p95_us %d\n", latency:percentile(95)))
  io.write(string.format("k6j-bench requests %d errors %d\n", summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout))
end
