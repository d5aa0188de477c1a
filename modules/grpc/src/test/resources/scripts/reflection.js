// Descriptors without .proto files: by server reflection (connect { reflect: true }) and from a protoset.
import grpc from 'k6/net/grpc';
import { check } from 'k6';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

const reflecting = new grpc.Client();
const fromProtoset = new grpc.Client();
const protosetMethods = fromProtoset.loadProtoset(__ENV.PROTOSET);

export default function () {
  reflecting.connect(__ENV.GRPC_ADDR, { plaintext: true, reflect: true, reflectMetadata: { 'x-who': 'k6j' } });
  const reflected = reflecting.invoke('k6j.testbed.Echo/Unary', { message: 'reflected' });
  check(reflected, { 'reflection: methods known without load': (r) => r.status === grpc.StatusOK && r.message.message === 'reflected' });
  const values = reflecting.invoke('k6j.testbed.Echo/EchoValues', { at: '2024-01-01T00:00:00Z', int64Value: '5' });
  check(values, { 'reflection: imported types too': (r) => r.message.at === '2024-01-01T00:00:00Z' && r.message.int64Value === '5' });
  reflecting.close();

  check(protosetMethods, { 'protoset: lists the methods': (m) => m.some((x) => x.full_method === '/k6j.testbed.Echo/Bidi') });
  fromProtoset.connect(__ENV.GRPC_ADDR, { plaintext: true });
  check(fromProtoset.invoke('k6j.testbed.Echo/Unary', { message: 'protoset' }), {
    'protoset: invoke works': (r) => r.status === grpc.StatusOK && r.message.message === 'protoset',
  });
  fromProtoset.close();
}
