// A graceful stop aborts a VU's request in flight: the run ends long before the 30-second response. Over http and
// over HTTP/2, from the VU's own thread and from an async request's.
import http from 'k6/http';

export const options = {
  insecureSkipTLSVerify: true,
  scenarios: {
    slow: { executor: 'constant-vus', vus: 4, duration: '1s', gracefulStop: '0s' },
  },
};

export default async function () {
  const base = __VU <= 2 ? __ENV.HTTP : __ENV.HTTPS;
  if (__VU % 2 === 1) {
    http.get(`${base}/delay/30`);
  } else {
    await http.asyncRequest('GET', `${base}/delay/30`);
  }
}
