// gRPC streams with k6/net/grpc: server streaming, client streaming and bidirectional, with the events each fires.
// Start the testbed with testbed/run, then (./k6j has the gRPC module; docs/grpc.md):
//   k6j run examples/grpc-streaming.js
// -e GRPC_ADDR=host:port points it elsewhere.
import grpc from 'k6/net/grpc';
import { check } from 'k6';

const ADDR = __ENV.GRPC_ADDR || '127.0.0.1:16090';

export const options = { vus: 2, iterations: 6, thresholds: { checks: ['rate==1'] } };

const client = new grpc.Client();
client.load(['../testbed/src/main/proto'], 'k6j/testbed/echo.proto');

export default async () => {
  client.connect(ADDR, { plaintext: true });

  // Server streaming: one request, a reply every 20 ms, then the server ends the stream.
  const ticks = [];
  const server = new grpc.Stream(client, 'k6j.testbed.Echo/ServerStream');
  const serverDone = new Promise((resolve) => {
    server.on('data', (reply) => ticks.push(reply.index));
    server.on('error', (e) => console.error('server stream failed:', e.code, e.message));
    server.on('end', resolve);
  });
  server.write({ message: 'tick', count: 5, intervalMs: 20 });
  server.end();
  await serverDone;
  check(ticks, { 'server stream: five replies in order': (t) => t.join() === '0,1,2,3,4' });

  // Client streaming: several requests, one summary when we end our side.
  const upload = new grpc.Stream(client, 'k6j.testbed.Echo/ClientStream');
  const summary = new Promise((resolve) => upload.on('data', resolve));
  ['a', 'b', 'c'].forEach((word) => upload.write({ message: word }));
  upload.end();
  check(await summary, { 'client stream: the server counted three': (s) => s.count === 3 && s.joined === 'a,b,c' });

  // Bidirectional: answer each reply with the next request.
  const chat = new grpc.Stream(client, 'k6j.testbed.Echo/Bidi');
  const heard = [];
  const chatDone = new Promise((resolve) => {
    chat.on('data', (reply) => {
      heard.push(reply.message);
      if (heard.length < 3) chat.write({ message: `ping ${heard.length}` });
      else chat.end();
    });
    chat.on('end', resolve);
  });
  chat.write({ message: 'ping 0' });
  await chatDone;
  check(heard, { 'bidi: three round trips': (h) => h.length === 3 && h[2] === 'ping 2' });

  client.close();
};
