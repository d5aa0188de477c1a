// Unary calls against the testbed's k6j.testbed.Echo: invoke, asyncInvoke, metadata, headers and trailers, failures,
// deadlines, discarded responses, health checks. Every check must pass (thresholds), the test reads the JSON output.
import grpc from 'k6/net/grpc';
import { check } from 'k6';
import encoding from 'k6/encoding';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

const client = new grpc.Client();
const methods = client.load([__ENV.PROTOS], 'k6j/testbed/echo.proto');

export default async function () {
  check(methods, {
    'load lists the methods': (m) => m.length === 5 && m[0].full_method === '/k6j.testbed.Echo/Unary'
      && m[0].package === 'k6j.testbed' && m[0].service === 'Echo' && m[2].is_server_stream === true
      && m[2].is_client_stream === false,
  });
  client.connect(__ENV.GRPC_ADDR, { plaintext: true, timeout: '5s' });

  const res = client.invoke('k6j.testbed.Echo/Unary', { message: 'hello' }, {
    metadata: { 'x-token': 'abc', 'x-raw-bin': encoding.b64decode('AAEC') },
    tags: { my_tag: 'mine' },
  });
  check(res, {
    'invoke: status OK': (r) => r.status === grpc.StatusOK,
    'invoke: message echoed': (r) => r.message.message === 'hello' && r.message.index === 0,
    'invoke: metadata reached the server': (r) => r.message.metadata['x-token'] === 'abc'
      && r.message.metadata['x-raw-bin'] === 'AAEC',
    'invoke: headers': (r) => r.headers['x-echo-header'][0] === 'k6j',
    'invoke: trailers': (r) => r.trailers['x-echo-trailer'][0] === 'done',
    'invoke: no error': (r) => r.error === null,
  });

  const failed = client.invoke('/k6j.testbed.Echo/Unary', { failCode: 5, failMessage: 'nothing here' });
  check(failed, {
    'failure: status NotFound': (r) => r.status === grpc.StatusNotFound,
    'failure: error has code and message': (r) => r.error.code === 5 && r.error.message === 'nothing here',
    'failure: trailers still there': (r) => r.trailers['x-echo-trailer'][0] === 'done',
  });

  const late = client.invoke('k6j.testbed.Echo/Unary', { message: 'slow', delayMs: 2000 }, { timeout: '100ms' });
  check(late, {
    'deadline: status DeadlineExceeded': (r) => r.status === grpc.StatusDeadlineExceeded,
    'deadline: message says so': (r) => /deadline/i.test(r.error.message),
  });
  const numericTimeout = client.invoke('k6j.testbed.Echo/Unary', { delayMs: 2000 }, { timeout: 100 });
  check(numericTimeout, { 'deadline: a number is milliseconds': (r) => r.status === grpc.StatusDeadlineExceeded });

  const discarded = client.invoke('k6j.testbed.Echo/Unary', { message: 'x' }, { discardResponseMessage: true });
  check(discarded, { 'discardResponseMessage: message null': (r) => r.status === grpc.StatusOK && r.message === null });

  const asyncRes = await client.asyncInvoke('k6j.testbed.Echo/Unary', { message: 'async' });
  check(asyncRes, { 'asyncInvoke: resolves with the response': (r) => r.status === grpc.StatusOK && r.message.message === 'async' });
  const both = await Promise.all([
    client.asyncInvoke('k6j.testbed.Echo/Unary', { message: 'a', delayMs: 50 }),
    client.asyncInvoke('k6j.testbed.Echo/Unary', { message: 'b' }),
  ]);
  check(both, { 'asyncInvoke: concurrent calls': (r) => r[0].message.message === 'a' && r[1].message.message === 'b' });
  let rejected = '';
  await client.asyncInvoke('k6j.testbed.Echo/Nope', {}).catch((e) => { rejected = e.message; });
  check(rejected, { 'asyncInvoke: rejects an unknown method': (m) => m === 'method "/k6j.testbed.Echo/Nope" not found in file descriptors' });

  const health = client.healthCheck();
  check(health, { 'healthCheck: server serving': (h) => h.status === grpc.HealthCheckServing && h.Status === 1 && h.message.status === 1 });
  check(client.healthCheck('k6j.testbed.Resting'), { 'healthCheck: not serving': (h) => h.status === grpc.HealthCheckNotServing });

  const errors = {
    unknownMethod: () => client.invoke('k6j.testbed.Echo/Nope', {}),
    badJson: () => client.invoke('k6j.testbed.Echo/Unary', { nope: 1 }),
    badType: () => client.invoke('k6j.testbed.Echo/Unary', { delayMs: 'soon' }),
    nilRequest: () => client.invoke('k6j.testbed.Echo/Unary'),
    badParam: () => client.invoke('k6j.testbed.Echo/Unary', {}, { void: true }),
    badTimeout: () => client.invoke('k6j.testbed.Echo/Unary', {}, { timeout: 'please' }),
    badBinary: () => client.invoke('k6j.testbed.Echo/Unary', {}, { metadata: { 'x-bin': 'text' } }),
    loadLate: () => client.load([__ENV.PROTOS], 'k6j/testbed/echo.proto'),
  };
  const messages = {};
  for (const [name, call] of Object.entries(errors)) {
    try {
      call();
      messages[name] = 'no error';
    } catch (e) {
      messages[name] = e.message;
    }
  }
  console.log('ERRORS ' + JSON.stringify(messages));
  check(messages, {
    'errors: unknown method': (m) => m.unknownMethod === 'method "/k6j.testbed.Echo/Nope" not found in file descriptors',
    'errors: unknown field': (m) => m.badJson.startsWith('unable to serialise request object to protocol buffer:') && m.badJson.includes('nope'),
    'errors: wrong type': (m) => m.badType.startsWith('unable to serialise request object to protocol buffer:'),
    'errors: nil request': (m) => m.nilRequest === 'request cannot be nil',
    'errors: unknown param': (m) => m.badParam === 'invalid GRPC\'s client.invoke() parameters: unknown param: "void"',
    'errors: bad timeout': (m) => m.badTimeout === 'invalid GRPC\'s client.invoke() parameters: invalid timeout value: time: invalid duration "please"',
    'errors: -bin needs binary': (m) => m.badBinary === 'invalid GRPC\'s client.invoke() parameters: invalid metadata param: "x-bin" value must be binary',
    'errors: load outside init': (m) => m.loadLate === 'load must be called in the init context',
  });
  client.close();
  let closed = '';
  try { client.invoke('k6j.testbed.Echo/Unary', {}); } catch (e) { closed = e.message; }
  check(closed, { 'close: no connection afterwards': (m) => m === 'no gRPC connection, you must call connect first' });
}
