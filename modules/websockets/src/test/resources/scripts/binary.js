import { WebSocket, Blob } from 'k6/websockets';
import { check } from 'k6';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

export default async function () {
  const blob = new Blob(['ab', new Uint8Array([99, 100]), new Blob(['e'])], { type: 'Text/Plain' });
  check(blob, {
    'Blob size and type': (b) => b.size === 5 && b.type === 'text/plain',
    'Blob slice': (b) => b.slice(1, 3).size === 2,
  });
  check(await blob.text(), { 'Blob text()': (t) => t === 'abcde' });
  check(await blob.slice(2).text(), { 'Blob slice text()': (t) => t === 'cde' });
  check(new Uint8Array(await blob.arrayBuffer()), { 'Blob arrayBuffer()': (a) => a.length === 5 && a[4] === 101 });
  check(await blob.bytes(), { 'Blob bytes()': (a) => a instanceof Uint8Array && a[0] === 97 });

  const ws = new WebSocket(__ENV.WS_URL + '/echo');
  const received = [];
  ws.onopen = () => {
    check(ws, { 'binaryType defaults to blob': (s) => s.binaryType === 'blob' });
    ws.send(new Uint8Array([1, 2, 3]).buffer);                      // ArrayBuffer
  };
  ws.onmessage = async (e) => {
    received.push(e.data);
    if (received.length === 1) {
      check(e.data, { 'binary arrives as a Blob': (d) => d instanceof Blob && d.size === 3 });
      ws.binaryType = 'arraybuffer';
      const backing = new Uint8Array([9, 9, 4, 5, 6, 9]);
      ws.send(new Uint8Array(backing.buffer, 2, 3));                 // a view with an offset
    } else if (received.length === 2) {
      check(e.data, {
        'binary arrives as an ArrayBuffer': (d) => d instanceof ArrayBuffer
          && new Uint8Array(d).join(',') === '4,5,6',
      });
      ws.send(new Blob(['blob!']));
    } else if (received.length === 3) {
      check(e.data, { 'a sent Blob echoes': (d) => new TextDecoder().decode(d) === 'blob!' });
      ws.send('!binary 300');
    } else {
      check(e.data, { 'server binary of 300 bytes': (d) => d.byteLength === 300 && new Uint8Array(d)[299] === 43 });
      ws.close();
    }
  };
  ws.onerror = (e) => console.error('unexpected error: ' + e.error);
}
