// An externally-controlled scenario: ./k6j run examples/scenarios-externally-controlled.js
// It starts with 2 VUs for 60 seconds; while it runs, steer it from another terminal through the REST API
// (k6 v1's, on localhost:6565 by default):
//
//   ./k6j status                 # the run's status as k6 prints it
//   ./k6j scale --vus 4          # 4 VUs now (up to maxVUs)
//   ./k6j scale --vus 8 --max 8  # more than maxVUs: raise it too, new VUs are initialized
//   ./k6j pause                  # running iterations finish, no new ones start, the clock stops
//   ./k6j resume
//
// or with curl: curl -X PATCH localhost:6565/v1/status -d '{"data":{"attributes":{"vus":3}}}'
// Stop it with Ctrl-C, or: curl -X PATCH localhost:6565/v1/status -d '{"data":{"attributes":{"stopped":true}}}'
import { sleep } from 'k6';

export const options = {
  scenarios: {
    steered: { executor: 'externally-controlled', vus: 2, maxVUs: 5, duration: '60s' },
  },
};

export default function () {
  sleep(0.5);
}
