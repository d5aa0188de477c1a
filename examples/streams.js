// ReadableStream from k6/experimental/streams: ./k6j run examples/streams.js
// A stream pulls chunks from a source as a reader asks for them; here a source that produces
// numbered "pages", read with a reader and with for await.
import { check } from 'k6';
import { ReadableStream, CountQueuingStrategy } from 'k6/experimental/streams';

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

  const items = [];
  for await (const chunk of pages(3)) items.push(...chunk.items);

  check(null, {
    'a reader gets the first page': () => first.value.page === 1 && first.done === false,
    'for await reads every page': () => items.length === 6 && items[5] === 'item-3b',
  });
}
