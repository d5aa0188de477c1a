// The training run of the JVM's ahead-of-time cache (./k6j records it after each build; docs/runtime.md): a short
// test through what most tests use — options, the k6 modules scripts import most, metrics of each kind, checks,
// groups, an HTTP request (to a closed port on loopback: the client's code runs up to the refused connection, and
// nothing leaves the machine), setup, teardown and the end-of-test summary. The classes it loads and the profiles
// of the methods it runs are what the cache keeps, so every later start begins where this one ended.
// WebSockets and gRPC run on Netty, whose ~700 classes otherwise load, verify and link during a test's first
// connections (seconds on a loaded 2-core machine: what failed websockets-echo's ws_connecting threshold on a cold
// run); a socket and a gRPC dial to the same closed port make the cache keep them, and loading aot-training.proto
// the .proto parser and protobuf's JSON mapping (docs/runtime.md).
import http from 'k6/http';
import grpc from 'k6/net/grpc';
import { WebSocket } from 'k6/websockets';
import { check, group, sleep } from 'k6';
import { Counter, Gauge, Rate, Trend } from 'k6/metrics';
import exec from 'k6/execution';

export const options = {
  vus: 2,
  iterations: 40,
  thresholds: { checks: ['rate>=0'], 'training_time': ['p(95)>=0'] },
};

const client = new grpc.Client();
client.load(['.'], 'aot-training.proto');

const count = new Counter('training_count');
const level = new Gauge('training_level');
const ratio = new Rate('training_ratio');
const time = new Trend('training_time', true);

export function setup() {
  const ws = new WebSocket('ws://127.0.0.1:1/training');
  ws.onerror = () => ws.close();
  try {
    client.connect('127.0.0.1:1', { plaintext: true, timeout: '300ms' });
  } catch (e) {
    // refused, as expected
  }
  return { started: Date.now() };
}

export default function (data) {
  group('training', () => {
    const res = http.get('http://127.0.0.1:1/', { tags: { name: 'training' }, timeout: '2s' });
    check(res, { 'refused as expected': (r) => r.status === 0 });
    const body = JSON.parse(JSON.stringify({ vu: exec.vu.idInTest, iteration: exec.scenario.iterationInTest }));
    count.add(1);
    level.add(body.iteration);
    ratio.add(body.vu > 0);
    time.add(Date.now() - data.started);
  });
  sleep(0.001);
}

export function teardown(data) {
  console.debug(`training done after ${Date.now() - data.started} ms`);
}
