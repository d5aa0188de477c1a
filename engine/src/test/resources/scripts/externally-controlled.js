// VUs steered from the REST API until the test is stopped from it.
import { sleep } from 'k6';

export const options = {
  scenarios: { steered: { executor: 'externally-controlled', vus: 1, maxVUs: 2, duration: '0' } },
};

export default function () { sleep(0.1); }
