// gRPC without .proto files: the descriptors come from the server's reflection service, and the connection uses
// TLS. Start the testbed with testbed/run (gRPC over TLS on 127.0.0.1:16091, with a certificate from its own test CA,
// which is why this example skips verification), then (./k6j has the gRPC module; docs/grpc.md):
//   k6j run examples/grpc-reflection.js
// -e GRPC_TLS_ADDR=host:port points it elsewhere.
import grpc from 'k6/net/grpc';
import { check } from 'k6';

const ADDR = __ENV.GRPC_TLS_ADDR || '127.0.0.1:16091';

export const options = { iterations: 3, insecureSkipTLSVerify: true, thresholds: { checks: ['rate==1'] } };

const client = new grpc.Client(); // no load(): reflection supplies the methods

export default () => {
  client.connect(ADDR, { reflect: true, timeout: '5s' });

  const health = client.healthCheck();
  check(health, { 'the server is serving': (h) => h.status === grpc.HealthCheckServing });

  const res = client.invoke('k6j.testbed.Echo/EchoValues', {
    int64Value: '9007199254740993', // 64-bit integers travel as strings
    data: 'aGVsbG8=', // bytes as base64
    mood: 'HAPPY', // enums by name
    at: '2025-01-01T00:00:00Z', // well-known types in their JSON form
  });
  check(res, {
    'reflection found the method': (r) => r.status === grpc.StatusOK,
    'JSON mapping round trip': (r) => r.message.int64Value === '9007199254740993' && r.message.mood === 'HAPPY'
      && r.message.at === '2025-01-01T00:00:00Z',
  });
  client.close();
};
