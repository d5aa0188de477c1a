// The TCP echo load (benchmarks/tcp.sh, modules/tcp EchoLoadIT): each VU holds one socket and echoes line after
// line over it for ECHO_SECONDS (default 10), then closes it. VUS (default 200), TCP_HOST, TCP_PORT (default 16000).
import { Socket } from 'k6/x/tcp';
import { check } from 'k6';

export const options = {
  scenarios: {
    echo: { executor: 'per-vu-iterations', vus: Number(__ENV.VUS || 200), iterations: 1, maxDuration: '2m' },
  },
  thresholds: { tcp_errors: ['count==0'], checks: ['rate==1'], tcp_sockets: [`count==${__ENV.VUS || 200}`] },
};

export default async function () {
  const socket = new Socket({ tags: { test: 'echo-load' } });
  let received = '';
  let waiting = null;
  socket.on('data', (data) => {
    received += String.fromCharCode.apply(null, new Uint8Array(data));
    if (waiting !== null && received.endsWith('\n')) {
      const settle = waiting;
      waiting = null;
      settle(received);
      received = '';
    }
  });
  socket.on('error', (err) => console.error(`VU ${__VU}: ${err}`));
  const closed = new Promise((resolve) => socket.on('close', resolve));

  await socket.connect(Number(__ENV.TCP_PORT || 16000), __ENV.TCP_HOST || '127.0.0.1');
  const end = Date.now() + 1000 * Number(__ENV.ECHO_SECONDS || 10);
  for (let i = 0; Date.now() < end; i++) {
    const line = `VU ${__VU} echo ${i}\n`;
    const echoed = new Promise((resolve) => { waiting = resolve; });
    await socket.write(line);
    check(await echoed, { 'echoed unchanged': (text) => text === line });
  }
  socket.destroy();
  await closed;
}
