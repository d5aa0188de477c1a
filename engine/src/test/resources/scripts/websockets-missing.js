// k6/websockets is delivered as an extension (modules/websockets); the bare engine does not have it.
import { WebSocket } from 'k6/websockets';

export default function () {
  new WebSocket('ws://127.0.0.1:1/');
}
