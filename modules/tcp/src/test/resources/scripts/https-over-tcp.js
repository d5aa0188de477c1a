// An HTTPS request written by hand over a TLS socket; prints the status line and the body's last line.
import { Socket } from 'k6/x/tcp';

export default async function () {
  const socket = new Socket();
  let response = '';
  const closed = new Promise((resolve) => socket.on('close', resolve));
  socket.on('data', (data) => { response += String.fromCharCode.apply(null, new Uint8Array(data)); });
  socket.on('error', (err) => console.error('Error:', err.message));
  socket.setTimeout(10000);                       // a server that never closes must not hang the test
  socket.on('timeout', () => { console.error('Error: no answer in 10 s'); socket.destroy(); });
  await socket.connect({ port: __ENV.PORT, host: 'localhost', tls: true });
  await socket.write(`GET ${__ENV.PATH} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
  await closed;
  const lines = response.split('\r\n');
  console.log('status:', lines[0], 'last:', lines[lines.length - 1]);
}
