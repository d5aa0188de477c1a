// k6/experimental/streams: pull-based and push-based streams, readers, strategies, cancel, errors, async iteration.
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
  const values = [];
  for await (const chunk of pushed) values.push(chunk);
  expectEqual('push stream via for await', values, ['a', 'b']);

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
}
