// connect is not allowed in the init context.
import grpc from 'k6/net/grpc';

const client = new grpc.Client();
client.connect(__ENV.GRPC_ADDR, { plaintext: true });

export default function () {}
