// Builds the dashboard page: one HTML file with uPlot, the styles and the app inlined, so the live page needs no
// other request and the report opens from disk with no network. Usage: node build.mjs OUTPUT.html
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const output = process.argv[2];
if (!output) {
  console.error('usage: node build.mjs OUTPUT.html');
  process.exit(2);
}
const read = (path) => readFileSync(join(here, path), 'utf8');

const uplotJs = read('node_modules/uplot/dist/uPlot.iife.min.js');
const uplotCss = read('node_modules/uplot/dist/uPlot.min.css');
const appJs = read('src/app.js');
const appCss = read('src/style.css');
const template = read('src/index.html');

for (const [name, text] of [['uPlot', uplotJs], ['app.js', appJs]]) {
  if (/<\/script/i.test(text)) {
    console.error(`${name} contains "</script", which would end its inline element early`);
    process.exit(1);
  }
}

const page = template
  .replace('/*STYLES*/', () => uplotCss + '\n' + appCss)
  .replace('/*UPLOT*/', () => uplotJs)
  .replace('/*APP*/', () => appJs);
if (!page.includes('<script id="k6j-data" type="application/octet-stream"></script>')) {
  console.error('src/index.html lost its data element');
  process.exit(1);
}
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, page);
console.log(`dashboard page: ${output} (${page.length} bytes)`);
