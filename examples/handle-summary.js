// Your own end-of-test report: ./k6j run examples/handle-summary.js
// When the script exports handleSummary(data), k6j calls it after the test instead of printing
// its text summary. It returns where each report goes: 'stdout', 'stderr', or a file path,
// relative to the folder you run k6j from (folders are created). Values are strings or
// ArrayBuffers. This one prints a short report and writes the whole data object to
// k6j-results/handle-summary.json. --summary-export still works beside it.
import { check, group, sleep } from 'k6';
import { Trend } from 'k6/metrics';

const lookup = new Trend('lookup_time', true);

export const options = {
  vus: 2,
  iterations: 8,
  thresholds: {
    lookup_time: ['p(95)<100'],
    checks: ['rate>0.9'],
  },
};

export default function () {
  group('search', () => {
    lookup.add(10 + Math.random() * 40);
    check(__ITER, { 'found something': () => true });
  });
  sleep(0.05);
}

function line(name, metric) {
  const v = metric.values;
  switch (metric.type) {
    case 'trend':
      return `${name}: avg ${v.avg.toFixed(1)}, p(95) ${v['p(95)'].toFixed(1)}${metric.contains === 'time' ? ' ms' : ''}`;
    case 'rate':
      return `${name}: ${(v.rate * 100).toFixed(1)}% (${v.passes} of ${v.passes + v.fails})`;
    case 'counter':
      return `${name}: ${v.count} (${v.rate.toFixed(2)}/s)`;
    default:
      return `${name}: ${v.value}`;
  }
}

export function handleSummary(data) {
  const lines = [`test ran for ${(data.state.testRunDurationMs / 1000).toFixed(1)} s`];
  for (const [name, metric] of Object.entries(data.metrics)) {
    const verdicts = Object.entries(metric.thresholds || {})
      .map(([expression, result]) => `${result.ok ? 'ok' : 'FAILED'} ${expression}`);
    lines.push(line(name, metric) + (verdicts.length ? `   [${verdicts.join(', ')}]` : ''));
  }
  const search = data.root_group.groups.find((g) => g.name === 'search');
  for (const c of search.checks) {
    lines.push(`check '${c.name}' in ${search.path}: ${c.passes} passed, ${c.fails} failed`);
  }

  return {
    stdout: lines.join('\n') + '\n',
    'k6j-results/handle-summary.json': JSON.stringify(data, null, 2),
  };
}
