// k6/experimental/streams: WritableStream (writer, backpressure, close, abort, sink errors), pipeTo with its
// options, pipeThrough and TransformStream.
import { ReadableStream, WritableStream, WritableStreamDefaultWriter, TransformStream, CountQueuingStrategy } from 'k6/experimental/streams';
import { expectEqual, expectRejects, expectThrows, expectTrue } from './expect.js';
import { setTimeout } from 'k6/timers';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const numbers = (n, failAt) => {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i === failAt) controller.error(new Error('source broke'));
      else if (i < n) controller.enqueue(i++);
      else controller.close();
    },
    cancel(reason) { numbers.cancelled = reason; },
  });
};
// A sink that records what happens to it; each write takes a timer tick, like real I/O.
const recorder = (options = {}) => {
  const log = { chunks: [], closed: false, aborted: undefined };
  const stream = new WritableStream({
    async write(chunk) {
      await sleep(1);
      if (chunk === options.failOn) throw new Error('sink broke');
      log.chunks.push(chunk);
    },
    close() { log.closed = true; },
    abort(reason) { log.aborted = reason; },
  }, options.strategy);
  return { stream, log };
};
const readAll = async (readable) => {
  const reader = readable.getReader();
  const out = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) out.push(r.value);
  return out;
};

export default async function () {
  // Writing through a writer, with backpressure from the queuing strategy
  const { stream: sink, log } = recorder({ strategy: new CountQueuingStrategy({ highWaterMark: 2 }) });
  const writer = sink.getWriter();
  expectTrue('getWriter locks', sink.locked && writer instanceof WritableStreamDefaultWriter);
  expectThrows('one writer at a time', () => sink.getWriter(), 'locked');
  expectEqual('desiredSize starts at the highWaterMark', writer.desiredSize, 2);
  const writes = [writer.write('a'), writer.write('b'), writer.write('c')];
  expectEqual('queued writes lower desiredSize', writer.desiredSize, -1);
  let readyEarly = false;
  writer.ready.then(() => { readyEarly = true; });
  await Promise.resolve();
  expectEqual('ready waits while the queue is full', readyEarly, false);
  await Promise.all(writes);
  await writer.ready;
  expectEqual('the sink got every chunk in order', log.chunks, ['a', 'b', 'c']);
  await writer.close();
  expectTrue('close reaches the sink and closed resolves', log.closed && (await writer.closed) === undefined);
  await expectRejects('no writes after close', writer.write('d'), 'TypeError', 'clos');

  // abort: the write in flight finishes, queued writes fail, the sink hears the reason
  const aborted = recorder();
  const w2 = aborted.stream.getWriter();
  await sleep(1); // the sink has started: the first write goes in flight at once
  const pending = w2.write('x');
  const queued = expectRejects('an aborted stream rejects queued writes', w2.write('y'), undefined);
  await w2.abort('stop');
  await pending;
  await queued;
  expectEqual('abort reaches the sink', aborted.log.aborted, 'stop');
  await expectRejects('closed rejects after abort', w2.closed, undefined);

  // a failing sink errors the stream
  const failing = recorder({ failOn: 2 });
  const w3 = failing.stream.getWriter();
  await w3.write(1);
  await expectRejects('the failed write rejects', w3.write(2), 'Error', 'sink broke');
  await expectRejects('then the stream is errored', w3.closed, 'Error', 'sink broke');
  expectEqual('desiredSize of an errored stream', w3.desiredSize, null);
  w3.releaseLock();
  await expectRejects('releaseLock rejects closed', w3.closed, 'TypeError', 'released');
  expectEqual('and unlocks', failing.stream.locked, false);
  expectThrows('a sink with a type', () => new WritableStream({ type: 'bytes' }), 'not supported');

  // pipeTo
  const piped = recorder();
  await numbers(5).pipeTo(piped.stream);
  expectEqual('pipeTo moves every chunk and closes', [piped.log.chunks, piped.log.closed], [[0, 1, 2, 3, 4], true]);
  const kept = recorder();
  await numbers(2).pipeTo(kept.stream, { preventClose: true });
  expectEqual('preventClose leaves the destination open', [kept.log.chunks, kept.log.closed, kept.stream.locked], [[0, 1], false, false]);
  const w4 = kept.stream.getWriter();
  await w4.write(9);
  expectEqual('and writable', kept.log.chunks, [0, 1, 9]);

  const abortedDest = recorder();
  await expectRejects('a source error rejects pipeTo', numbers(5, 2).pipeTo(abortedDest.stream), 'Error', 'source broke');
  expectEqual('and aborts the destination', [abortedDest.log.chunks, String(abortedDest.log.aborted)], [[0, 1], 'Error: source broke']);
  const spared = recorder();
  await expectRejects('preventAbort still rejects', numbers(3, 1).pipeTo(spared.stream, { preventAbort: true }), 'Error', 'source broke');
  expectEqual('but leaves the destination alone', [spared.log.aborted, spared.stream.locked], [undefined, false]);

  numbers.cancelled = undefined;
  const brokenDest = recorder({ failOn: 1 });
  await expectRejects('a destination error rejects pipeTo', numbers(100).pipeTo(brokenDest.stream), 'Error', 'sink broke');
  expectEqual('and cancels the source', String(numbers.cancelled), 'Error: sink broke');

  const locked = numbers(1);
  locked.getReader();
  await expectRejects('a locked source', locked.pipeTo(recorder().stream), 'TypeError', 'locked');
  await expectRejects('not a WritableStream', numbers(1).pipeTo({}), 'TypeError', 'WritableStream');
  await expectRejects('AbortSignal is not supported', numbers(1).pipeTo(recorder().stream, { signal: {} }), 'NotSupportedError');

  // TransformStream and pipeThrough
  const upper = new TransformStream({
    transform(chunk, controller) { controller.enqueue(String(chunk).toUpperCase()); },
    flush(controller) { controller.enqueue('!'); },
  });
  const words = new ReadableStream({ start(c) { ['a', 'b'].forEach((x) => c.enqueue(x)); c.close(); } });
  expectEqual('pipeThrough a TransformStream, flush at the end', await readAll(words.pipeThrough(upper)), ['A', 'B', '!']);
  expectEqual('an identity TransformStream by default', await readAll(numbers(3).pipeThrough(new TransformStream())), [0, 1, 2]);
  const twice = new TransformStream({ transform(chunk, c) { c.enqueue(chunk); c.enqueue(chunk); } });
  expectEqual('a transform may enqueue several chunks', await readAll(numbers(2).pipeThrough(twice)), [0, 0, 1, 1]);
  const stopping = new TransformStream({ transform(chunk, c) { if (chunk === 2) c.terminate(); else c.enqueue(chunk); } });
  expectEqual('terminate closes the readable side', await readAll(numbers(10).pipeThrough(stopping)), [0, 1]);
  const erroring = new TransformStream({ transform() { throw new Error('transform broke'); } });
  const erroredReader = numbers(3).pipeThrough(erroring).getReader();
  await expectRejects('a transform error errors the readable side', erroredReader.read(), 'Error', 'transform broke');
  const cancelled = new TransformStream();
  const cancelledWriter = cancelled.writable.getWriter();
  await cancelled.readable.cancel('no more');
  await expectRejects('cancelling the readable side errors the writable side', cancelledWriter.closed, undefined);
  const aborting = new TransformStream();
  const abortingReader = aborting.readable.getReader();
  await aborting.writable.abort(new Error('gone'));
  await expectRejects('aborting the writable side errors the readable side', abortingReader.read(), 'Error', 'gone');
  expectThrows('readableType is not supported', () => new TransformStream({ readableType: 'bytes' }), 'not supported');
}
