// k6/experimental/streams: pull-based and push-based streams, readers, strategies, cancel, errors, tee, what k6
// does not support. The writable side, piping and TransformStream are in streams-pipe.js.
import * as streams from 'k6/experimental/streams';
import { ReadableStream, ReadableStreamDefaultReader, CountQueuingStrategy } from 'k6/experimental/streams';
import { expectEqual, expectRejects, expectThrows, expectTrue } from './expect.js';
import { setTimeout } from 'k6/timers';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

const numbers = (n) => {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i < n) controller.enqueue(i++); else controller.close();
    },
  }, new CountQueuingStrategy({ highWaterMark: 1 }));
};

export default async function () {
  const reader = numbers(3).getReader();
  const got = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) got.push(r.value);
  expectEqual('pull stream reads in order', got, [0, 1, 2]);
  expectEqual('then done', await reader.read(), { value: undefined, done: true });
  await reader.closed;

  // push: chunks enqueued later, from a timer
  const pushed = new ReadableStream({
    start(controller) {
      setTimeout(() => controller.enqueue('a'), 5);
      setTimeout(() => { controller.enqueue('b'); controller.close(); }, 10);
    },
  });
  const pushedReader = pushed.getReader();
  const values = [];
  for (let r = await pushedReader.read(); !r.done; r = await pushedReader.read()) values.push(r.value);
  expectEqual('push stream chunks arrive from timers', values, ['a', 'b']);

  const stream = numbers(10);
  expectTrue('getReader locks', !stream.locked && (stream.getReader(), stream.locked));
  expectThrows('one reader at a time', () => new ReadableStreamDefaultReader(stream), 'locked');

  let cancelledWith;
  const cancellable = new ReadableStream({ cancel(reason) { cancelledWith = reason; } });
  await cancellable.cancel('enough');
  expectEqual('cancel reaches the source', cancelledWith, 'enough');

  const broken = new ReadableStream({ start(c) { c.error(new Error('boom')); } });
  await expectRejects('an errored stream rejects reads', broken.getReader().read(), 'Error', 'boom');

  let desired;
  new ReadableStream({ start(c) { c.enqueue(1); desired = c.desiredSize; } }, new CountQueuingStrategy({ highWaterMark: 3 }));
  expectEqual('desiredSize counts the queue', desired, 2);

  const [left, right] = numbers(2).tee();
  const l = left.getReader();
  const r = right.getReader();
  expectEqual('tee gives both branches', [(await l.read()).value, (await r.read()).value], [0, 0]);

  // What k6 does not have
  expectEqual('k6 exports', Object.keys(streams).filter((k) => k !== 'default').sort(), ['CountQueuingStrategy', 'ReadableStream',
    'ReadableStreamDefaultReader', 'TransformStream', 'WritableStream', 'WritableStreamDefaultWriter']);
  let bytes;
  try { new ReadableStream({ type: 'bytes' }); } catch (e) { bytes = e.name; }
  expectEqual('byte streams are not supported', bytes, 'NotSupportedError');
  let byob;
  try { new ReadableStream().getReader({ mode: 'byob' }); } catch (e) { byob = e.name; }
  expectEqual('BYOB readers are not supported', byob, 'NotSupportedError');
  expectThrows('a bad strategy size', () => new ReadableStream({}, { size: 3 }), 'must be a function');
  expectThrows('a negative highWaterMark', () => new ReadableStream({}, { highWaterMark: -1 }), 'invalid highWaterMark');
  await expectRejects('reading after releaseLock', (() => { const rd = numbers(1).getReader(); rd.releaseLock(); return rd.read(); })(), 'TypeError', 'released');
}
