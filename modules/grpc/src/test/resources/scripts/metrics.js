// One call of each kind, for checking the metrics and their tags in the JSON output.
import grpc from 'k6/net/grpc';

export const options = { iterations: 1 };

const client = new grpc.Client();
client.load([__ENV.PROTOS], 'k6j/testbed/echo.proto');

export default async function () {
  client.connect(__ENV.GRPC_ADDR, { plaintext: true });
  client.invoke('k6j.testbed.Echo/Unary', { message: 'm' }, { tags: { mine: 'yes' } });
  client.invoke('k6j.testbed.Echo/Unary', { failCode: 7 }, { tags: { name: 'custom-name' } });
  const stream = new grpc.Stream(client, 'k6j.testbed.Echo/Bidi');
  await new Promise((resolve) => {
    let n = 0;
    stream.on('data', () => { if (++n === 2) stream.end(); });
    stream.on('end', resolve);
    stream.write({ message: '1' });
    stream.write({ message: '2' });
  });
  client.close();
}
