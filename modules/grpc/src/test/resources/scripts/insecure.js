// insecureSkipTLSVerify applies to gRPC connections too.
import grpc from 'k6/net/grpc';
import { check } from 'k6';

export const options = { iterations: 1, insecureSkipTLSVerify: true, thresholds: { checks: ['rate==1'] } };

const client = new grpc.Client();
client.load([__ENV.PROTOS], 'k6j/testbed/echo.proto');

export default function () {
  client.connect(__ENV.GRPC_TLS_ADDR, { timeout: '5s' });
  check(client.invoke('k6j.testbed.Echo/Unary', { message: 'trusted anyway' }), {
    'insecureSkipTLSVerify: connects to an untrusted server': (r) => r.status === grpc.StatusOK,
  });
  client.close();
}
