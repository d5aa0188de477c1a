// Unary gRPC calls with k6/net/grpc. Start the testbed in another terminal with testbed/run (gRPC on 127.0.0.1:16090,
// TLS on :16091), then (./k6j has the gRPC module; docs/grpc.md):
//   k6j run examples/grpc-unary.js
// The .proto files are parsed at run time (no protoc); paths are relative to this script. Five VUs call
// k6j.testbed.Echo/Unary for ten seconds, with metadata and tags; the thresholds fail the run (exit code 99) if a
// call fails or the 95th percentile gets slower than 200 ms. GRPC_ADDR points elsewhere: -e GRPC_ADDR=host:port
import grpc from 'k6/net/grpc';
import { check, sleep } from 'k6';

const ADDR = __ENV.GRPC_ADDR || '127.0.0.1:16090';

export const options = {
  vus: 5,
  duration: '10s',
  thresholds: {
    checks: ['rate==1'],
    'grpc_req_duration{method:Unary}': ['p(95)<200'],
  },
};

const client = new grpc.Client();
client.load(['../testbed/src/main/proto'], 'k6j/testbed/echo.proto');

export default () => {
  if (__ITER === 0) {
    client.connect(ADDR, { plaintext: true, timeout: '5s' });
  }
  const res = client.invoke('k6j.testbed.Echo/Unary', { message: `hello from VU ${__VU}` }, {
    metadata: { 'x-request-id': `${__VU}-${__ITER}` },
    tags: { kind: 'greeting' },
    timeout: '2s',
  });
  check(res, {
    'status is OK': (r) => r && r.status === grpc.StatusOK,
    'the server echoed us': (r) => r && r.message.message === `hello from VU ${__VU}`,
    'the server saw our metadata': (r) => r && r.message.metadata['x-request-id'] === `${__VU}-${__ITER}`,
  });

  // A failing call is a response with a non-OK status, not an exception.
  const failed = client.invoke('k6j.testbed.Echo/Unary', { failCode: grpc.StatusNotFound, failMessage: 'no such thing' });
  check(failed, { 'failures come back as statuses': (r) => r.status === grpc.StatusNotFound && r.error.message === 'no such thing' });
  sleep(0.5);
};

export function teardown() {
  client.close();
}
