// load() of a file that is not there.
import grpc from 'k6/net/grpc';

const client = new grpc.Client();
client.load([__ENV.PROTOS], 'k6j/testbed/missing.proto');

export default function () {}
