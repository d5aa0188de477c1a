// CSV test data and files with k6/experimental/csv and k6/experimental/fs: ./k6j run examples/csv-and-fs.js
// fs.open() works in the init context only and reads each file once per run for all VUs. csv.parse()
// turns a whole file into a SharedArray (parsed once, shared read-only); a csv.Parser reads one record
// at a time. The top level may use await, as k6 allows.
import { check } from 'k6';
import exec from 'k6/execution';
import { open, SeekMode } from 'k6/experimental/fs';
import csv from 'k6/experimental/csv';

const usersFile = await open('./data/users.csv');
const users = await csv.parse(usersFile, { asObjects: true });
const parser = new csv.Parser(await open('./data/users.csv'), { skipFirstLine: true });

export const options = { vus: 2, iterations: 6, thresholds: { checks: ['rate==1'] } };

export default async function () {
  // Each iteration takes the next user, across all VUs.
  const user = users[exec.scenario.iterationInTest % users.length];

  // The parser gives this VU's records one by one; start over at the end.
  let record = await parser.next();
  if (record.done) record = { value: ['(end of file)'] };

  // Read the file's first line through a File handle.
  const head = new Uint8Array(8);
  await usersFile.seek(0, SeekMode.Start);
  const n = await usersFile.read(head);
  const info = await usersFile.stat();

  check(user, {
    'a user with a plan': (u) => u.username.length > 0 && ['pro', 'free'].includes(u.plan),
    'quoted commas survive': () => users[2].password === 'pa,ss',
    'the parser gives arrays': () => Array.isArray(record.value),
    'the file starts with the header': () => n === 8 && new TextDecoder().decode(head) === 'username',
    'stat gives name and size': () => info.name === 'users.csv' && info.size > 0,
  });
  console.log(`VU ${__VU} logs in as ${user.username}; its parser read ${JSON.stringify(record.value)}`);
}
