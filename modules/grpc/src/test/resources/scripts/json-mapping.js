// The protobuf JSON mapping, both ways, through k6j.testbed.Echo/EchoValues (which returns what it gets).
import grpc from 'k6/net/grpc';
import { check } from 'k6';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

const client = new grpc.Client();
client.load([__ENV.PROTOS], 'k6j/testbed/values.proto', 'k6j/testbed/echo.proto');

export default function () {
  client.connect(__ENV.GRPC_ADDR, { plaintext: true });
  const sent = {
    text: 'héllo ✓',
    int32Value: -7,
    int64Value: '-9007199254740993',
    uint64Value: '18446744073709551615',
    doubleValue: NaN,
    floatValue: Infinity,
    flag: true,
    data: 'AAECAw==',
    mood: 'GRUMPY',
    tags: ['a', 'b'],
    counts: { x: '1', y: 2 },
    at: '2024-02-29T12:34:56.789Z',
    took: '1.500s',
    extra: { nested: { list: [1, 'two', null, true] } },
    maybeText: 'wrapped',
    maybeCount: '42',
    number: 5,
    optionalNumber: 0,
    nested: { text: 'inner', mood: 1 },
  };
  const res = client.invoke('k6j.testbed.Echo/EchoValues', sent);
  const m = res.message;
  console.log('VALUES ' + JSON.stringify(m));
  check(m, {
    'status OK': () => res.status === grpc.StatusOK,
    'strings keep unicode': (v) => v.text === 'héllo ✓',
    'int32 is a number': (v) => v.int32Value === -7,
    'int64 comes back as a string, exactly': (v) => v.int64Value === '-9007199254740993',
    'uint64 max as a string': (v) => v.uint64Value === '18446744073709551615',
    'NaN and Infinity as strings': (v) => v.doubleValue === 'NaN' && v.floatValue === 'Infinity',
    'bytes in base64': (v) => v.data === 'AAECAw==',
    'enums by name (sent by name or number)': (v) => v.mood === 'GRUMPY' && v.nested.mood === 'HAPPY',
    'repeated and maps': (v) => v.tags.join() === 'a,b' && v.counts.x === '1' && v.counts.y === '2',
    'Timestamp in RFC 3339': (v) => v.at === '2024-02-29T12:34:56.789Z',
    'Duration in seconds': (v) => v.took === '1.500s',
    'Struct as plain JSON': (v) => JSON.stringify(v.extra) === JSON.stringify({ nested: { list: [1, 'two', null, true] } }),
    'wrappers as their values': (v) => v.maybeText === 'wrapped' && v.maybeCount === '42',
    'oneof: only the set member': (v) => v.number === 5 && !('name' in v),
    'optional field present when set to its default': (v) => v.optionalNumber === 0,
    'nested message': (v) => v.nested.text === 'inner',
    'unset fields of a nested message are null too': (v) => v.nested.at === null && v.nested.nested === null,
  });

  const empty = client.invoke('k6j.testbed.Echo/EchoValues', {}).message;
  check(empty, {
    'defaults are printed for fields without presence': (v) => v.text === '' && v.int32Value === 0 && v.int64Value === '0'
      && v.flag === false && v.mood === 'MOOD_UNSPECIFIED' && Array.isArray(v.tags) && v.tags.length === 0,
    'unset optional and message fields are null, as k6 shows them': (v) => v.optionalNumber === null && v.at === null
      && v.nested === null && v.maybeText === null && v.extra === null,
    'an unset oneof is left out': (v) => !('name' in v) && !('number' in v),
  });
  const snake = client.invoke('k6j.testbed.Echo/EchoValues', { int32_value: 3, maybe_text: 'snake' }).message;
  check(snake, { 'proto field names are accepted too': (v) => v.int32Value === 3 && v.maybeText === 'snake' });
  client.close();
}
