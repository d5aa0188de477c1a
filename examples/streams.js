// Streams from k6/experimental/streams: ./k6j run examples/streams.js
// A ReadableStream pulls chunks from a source as a reader asks for them; here a source of numbered "pages".
// pipeThrough sends them through a TransformStream (one chunk per item), pipeTo writes the items into a
// WritableStream, whose sink takes one at a time: the queuing strategy's highWaterMark is the backpressure.
import { check } from 'k6';
import { ReadableStream, WritableStream, TransformStream, CountQueuingStrategy } from 'k6/experimental/streams';
import { setTimeout } from 'k6/timers';

export const options = { iterations: 1, thresholds: { checks: ['rate==1'] } };

function pages(count) {
  let page = 0;
  return new ReadableStream({
    pull(controller) {
      page += 1;
      if (page > count) controller.close();
      else controller.enqueue({ page, items: [`item-${page}a`, `item-${page}b`] });
    },
  }, new CountQueuingStrategy({ highWaterMark: 2 }));
}

export default async function () {
  const reader = pages(3).getReader();
  const first = await reader.read();
  reader.releaseLock();

  const items = new TransformStream({
    transform(chunk, controller) { chunk.items.forEach((item) => controller.enqueue(item)); },
  });
  const saved = [];
  const store = new WritableStream({
    // A slow sink, like a network call: the pipe waits for it before reading more.
    write: (item) => new Promise((resolve) => setTimeout(() => { saved.push(item); resolve(); }, 5)),
  }, new CountQueuingStrategy({ highWaterMark: 1 }));
  await pages(3).pipeThrough(items).pipeTo(store);

  check(null, {
    'a reader gets the first page': () => first.value.page === 1 && first.done === false,
    'pipeThrough and pipeTo move every item, in order': () => saved.join() === 'item-1a,item-1b,item-2a,item-2b,item-3a,item-3b',
  });
}
