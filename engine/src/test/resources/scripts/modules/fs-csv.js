// k6/experimental/fs and k6/experimental/csv with top-level await in the init context, as k6's docs show them.
import { open, SeekMode, FSError } from 'k6/experimental/fs';
import csv from 'k6/experimental/csv';
import { expectEqual, expectRejects, expectTrue } from './expect.js';

export const options = { iterations: 2, vus: 2, thresholds: { checks: ['rate==1'] } };

const hello = await open('./fixtures/hello.txt');
const people = await csv.parse(await open('./fixtures/people.csv'), { asObjects: true });
const rows = await csv.parse(await open('./fixtures/people.csv'), { skipFirstLine: true });
const parser = new csv.Parser(await open('./fixtures/semicolons.csv'), { delimiter: ';', fromLine: 2, toLine: 3 });
let missing;
try { await open('./fixtures/nope.txt'); } catch (e) { missing = e; }
let directory;
try { await open('./fixtures'); } catch (e) { directory = e; }

export default async function () {
  // fs
  expectTrue('File path is absolute', hello.path.endsWith('/fixtures/hello.txt') && hello.path.startsWith('/'));
  expectEqual('stat', await hello.stat(), { name: 'hello.txt', size: 12 });
  await hello.seek(0, SeekMode.Start);
  const buffer = new Uint8Array(5);
  expectEqual('read fills the buffer', await hello.read(buffer), 5);
  expectEqual('read bytes', new TextDecoder().decode(buffer), 'hello');
  expectEqual('seek current', await hello.seek(2, SeekMode.Current), 7);
  const rest = new Uint8Array(100);
  expectEqual('read the rest', await hello.read(rest), 5);
  expectEqual('read at the end gives null', await hello.read(rest), null);
  expectEqual('seek from the end', await hello.seek(-5, SeekMode.End), 7);
  await expectRejects('seek before the start', hello.seek(-1, SeekMode.Start), 'TypeError');
  await expectRejects('read into a non-Uint8Array', hello.read([1, 2]), 'TypeError');
  await expectRejects('open outside the init context', open('./fixtures/hello.txt'), 'ForbiddenError');
  expectEqual('a missing file', [missing.name, missing instanceof FSError], ['NotFoundError', true]);
  expectEqual('a directory', directory.name, 'InvalidResourceError');
  expectEqual('SeekMode', SeekMode, { Start: 0, Current: 1, End: 2 });

  // csv.parse
  expectEqual('parse asObjects', people.length, 3);
  expectEqual('quoted fields, commas and newlines', people[1], { id: '2', name: 'Grace', city: 'New\nYork' });
  expectEqual('doubled quotes', people[2].name, 'Linus "the" penguin');
  expectEqual('parse rows skipping the header', rows[0], ['1', 'Ada, Countess', 'London']);
  expectTrue('a SharedArray', rows.length === 3 && rows.map((r) => r[0]).join() === '1,2,3');

  // csv.Parser (one per VU, each reads its own records)
  if (__ITER === 0) {
    expectEqual('parser from line 2', await parser.next(), { done: false, value: ['3', '4'] });
    expectEqual('parser to line 3 inclusive', await parser.next(), { done: false, value: ['5', '6'] });
    expectEqual('parser done', await parser.next(), { done: true, value: [] });
  }
}
