// A graceful stop aborts a VU's request in flight: the run ends long before the 30-second response.
import http from 'k6/http';

export const options = {
  scenarios: {
    slow: { executor: 'constant-vus', vus: 2, duration: '1s', gracefulStop: '0s' },
  },
};

export default async function () {
  if (__VU === 1) {
    http.get(`${__ENV.HTTP}/delay/30`);
  } else {
    await http.asyncRequest('GET', `${__ENV.HTTP}/delay/30`);
  }
}
