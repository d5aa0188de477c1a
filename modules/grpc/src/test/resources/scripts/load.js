// The unary load test: VUS VUs (50) for DURATION (15s), each on its own connection, one call per iteration.
import grpc from 'k6/net/grpc';
import { check } from 'k6';

export const options = {
  vus: Number(__ENV.VUS || 50),
  duration: __ENV.DURATION || '15s',
  thresholds: { checks: ['rate==1'] },
};

const client = new grpc.Client();
client.load([__ENV.PROTOS], 'k6j/testbed/echo.proto');
let connected = false;

export default function () {
  if (!connected) {
    client.connect(__ENV.GRPC_ADDR, { plaintext: true });
    connected = true;
  }
  const res = client.invoke('k6j.testbed.Echo/Unary', { message: 'load' });
  check(res, { 'status is OK': (r) => r.status === grpc.StatusOK && r.message.message === 'load' });
}
