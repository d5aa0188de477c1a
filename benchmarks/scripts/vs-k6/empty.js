// vs-k6.sh's "startup" workload: an empty script, so the time of `run -i 1` is the tool's own start and stop.
export default function () {}
