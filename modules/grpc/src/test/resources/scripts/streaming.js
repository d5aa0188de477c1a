// Server-, client- and bidirectional streams against k6j.testbed.Echo, with the order of their events.
import grpc from 'k6/net/grpc';
import { check } from 'k6';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

const client = new grpc.Client();
client.load([__ENV.PROTOS], 'k6j/testbed/echo.proto');

function collect(stream) {
  const events = [];
  return new Promise((resolve) => {
    stream.on('data', (message, meta) => events.push({ event: 'data', message, ts: meta.ts }));
    stream.on('error', (error) => events.push({ event: 'error', error }));
    stream.on('status', (status) => events.push({ event: 'status', status }));
    stream.on('end', () => {
      events.push({ event: 'end' });
      resolve(events);
    });
  });
}

export default async function () {
  client.connect(__ENV.GRPC_ADDR, { plaintext: true });

  const server = new grpc.Stream(client, 'k6j.testbed.Echo/ServerStream', { tags: { kind: 'server' } });
  const serverEvents = collect(server);
  server.write({ message: 'tick', count: 3, intervalMs: 10 });
  server.end();
  const got = await serverEvents;
  check(got, {
    'server stream: three messages in order, then status and end': (e) => e.map((x) => x.event).join(',') === 'data,data,data,status,end'
      && e[0].message.message === 'tick' && e[2].message.index === 2,
    'server stream: event metadata has ts in seconds': (e) => Math.abs(e[0].ts - Date.now() / 1000) < 60,
    'server stream: status OK': (e) => e[3].status.code === grpc.StatusOK,
  });

  const clientStream = new grpc.Stream(client, '/k6j.testbed.Echo/ClientStream');
  const clientEvents = collect(clientStream);
  for (const word of ['a', 'b', 'c']) clientStream.write({ message: word });
  clientStream.end();
  clientStream.write({ message: 'after end: ignored' });
  const summary = await clientEvents;
  check(summary, {
    'client stream: one summary after end': (e) => e[0].event === 'data' && e[0].message.count === 3
      && e[0].message.joined === 'a,b,c' && e[e.length - 1].event === 'end',
  });

  const bidi = new grpc.Stream(client, 'k6j.testbed.Echo/Bidi');
  const replies = [];
  const bidiDone = new Promise((resolve) => {
    bidi.on('data', (reply) => {
      replies.push(reply.message);
      if (replies.length < 3) bidi.write({ message: 'ping' + replies.length });
      else bidi.end();
    });
    bidi.on('end', () => resolve(replies));
  });
  bidi.write({ message: 'ping0' });
  check(await bidiDone, { 'bidi: each write answered as it arrives': (r) => r.join(',') === 'ping0,ping1,ping2' });

  const failing = new grpc.Stream(client, 'k6j.testbed.Echo/ServerStream');
  const failingEvents = collect(failing);
  failing.write({ message: 'x', count: 1, failCode: 8 });
  failing.end();
  const failed = await failingEvents;
  check(failed, {
    'failing stream: data, error, status, end': (e) => e.map((x) => x.event).join(',') === 'data,error,status,end',
    'failing stream: error has code and message': (e) => e[1].error.code === grpc.StatusResourceExhausted
      && e[1].error.message === 'failed after 1 replies',
  });

  const late = new grpc.Stream(client, 'k6j.testbed.Echo/ServerStream', { timeout: '100ms' });
  const lateEvents = collect(late);
  late.write({ message: 'slow', count: 5, intervalMs: 1000 });
  const timedOut = await lateEvents;
  check(timedOut, {
    'stream deadline: error DeadlineExceeded then end': (e) => e.some((x) => x.event === 'error' && x.error.code === grpc.StatusDeadlineExceeded)
      && e[e.length - 1].event === 'end',
  });

  let badClient = '';
  try { new grpc.Stream({}, 'k6j.testbed.Echo/Bidi'); } catch (e) { badClient = e.message; }
  let badMethod = '';
  try { new grpc.Stream(client, 'k6j.testbed.Echo/Nope'); } catch (e) { badMethod = e.message; }
  check(null, {
    'stream errors: not a client': () => badClient === 'invalid GRPC Stream\'s client: not a gRPC client',
    'stream errors: unknown method': () => badMethod === 'method "/k6j.testbed.Echo/Nope" not found in file descriptors',
  });
  client.close();
}
