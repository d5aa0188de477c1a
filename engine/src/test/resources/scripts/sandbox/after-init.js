// Every way into the file system, tried after the init stage (in setup, an iteration and teardown): each must fail
// with k6's init-stage error and never show the file's content. import() during init still works.
import { open as fsOpen } from 'k6/experimental/fs';

const early = await import('./early.mjs');

export const options = { iterations: 1 };

async function attempt(stage, name, load) {
  try {
    const value = await load();
    console.log(`${stage} ${name}: LOADED ${JSON.stringify(value)}`);
  } catch (e) {
    console.log(`${stage} ${name}: refused: ${e}`);
  }
}

async function tryAll(stage) {
  await attempt(stage, 'import-js', () => import('./secret.mjs'));
  await attempt(stage, 'import-json', () => import('./secret.json', { with: { type: 'json' } }));
  await attempt(stage, 'import-absolute', () => import('/etc/hostname'));
  await attempt(stage, 'import-k6-module', () => import('k6/encoding').then((m) => typeof m.b64encode));
  await attempt(stage, 'import-loaded-in-init', () => import('./early.mjs'));
  await attempt(stage, 'require-file', () => require('./secret.cjs.js'));
  await attempt(stage, 'require-text', () => require('./secret.txt'));
  await attempt(stage, 'require-k6-module', () => typeof require('k6/encoding').b64encode);
  await attempt(stage, 'open', () => open('./secret.txt'));
  await attempt(stage, 'fs-open', () => fsOpen('./secret.txt'));
}

export async function setup() {
  await tryAll('setup');
}

export default async function () {
  console.log('init import: ' + early.loadedInInit);
  await tryAll('iteration');
}

export async function teardown() {
  await tryAll('teardown');
}
