// gRPC over TLS against the testbed's TLS server: trusted by cacerts, a client certificate, and the failures.
import grpc from 'k6/net/grpc';
import { check } from 'k6';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

const client = new grpc.Client();
client.load([__ENV.PROTOS], 'k6j/testbed/echo.proto');

function failure(fn) {
  try {
    fn();
    return 'no error';
  } catch (e) {
    return e.message;
  }
}

export default function () {
  client.connect(__ENV.GRPC_TLS_ADDR, { tls: { cacerts: [__ENV.CA_PEM] } });
  const res = client.invoke('k6j.testbed.Echo/Unary', { message: 'secret' });
  check(res, {
    'tls: call over TLS': (r) => r.status === grpc.StatusOK && r.message.message === 'secret',
    'tls: no client certificate sent': (r) => !('peer-certificate' in r.message.metadata),
  });
  client.close();

  client.connect(__ENV.GRPC_TLS_ADDR, {
    tls: { cacerts: __ENV.CA_PEM, cert: __ENV.CLIENT_CERT, key: __ENV.CLIENT_KEY },
    authority: 'localhost:443',
  });
  check(client.invoke('k6j.testbed.Echo/Unary', {}), {
    'tls: client certificate presented': (r) => r.message.metadata['peer-certificate'] === 'CN=k6j test client',
  });
  client.close();

  const untrusted = failure(() => client.connect(__ENV.GRPC_TLS_ADDR, { timeout: '5s' }));
  const refused = failure(() => client.connect('127.0.0.1:1', { plaintext: true, timeout: '5s' }));
  const plainToTls = failure(() => client.connect(__ENV.GRPC_TLS_ADDR, { plaintext: true, timeout: '2s' }));
  const badCa = failure(() => client.connect(__ENV.GRPC_TLS_ADDR, { tls: { cacerts: ['not a certificate'] } }));
  const badParam = failure(() => client.connect(__ENV.GRPC_ADDR, { name: 'k6' }));
  console.log('CONNECT ' + JSON.stringify({ untrusted, refused, plainToTls, badCa, badParam }));
  check(null, {
    'tls: an untrusted server is refused': () => untrusted.includes('certificate signed by unknown authority'),
    'connect: refused': () => refused.startsWith('failed to connect to 127.0.0.1:1: ') && /refused/i.test(refused),
    'connect: plaintext to a TLS port fails': () => plainToTls.startsWith('failed to connect to'),
    'connect: bad cacerts': () => badCa === 'failed to append ca certificate [0] from PEM',
    'connect: unknown param': () => badParam === 'invalid grpc.connect() parameters: unknown connect param: "name"',
  });
}
