// k6j web dashboard: one page for the live run (server-sent events from /events) and for the HTML report (the
// events inlined, gzip + base64, in #k6j-data). The events are xk6-dashboard's (param, metric, start, snapshot,
// cumulative, threshold, stop) plus k6j's summary; see docs/dashboard.md.
(function () {
  'use strict';

  // ---- state: what the events said so far -------------------------------------------------------------------
  const state = {
    param: {},
    info: {}, // metric or sub-metric name -> {type, contains, custom}
    names: [], // every announced name, sorted: the order of the aggregate lists
    snapshots: [], // {names, data, time}
    cumulative: null, // {names, data, time}
    failures: null, // metric -> failing expressions (null: not evaluated yet)
    summary: null, // handleSummary's data, at the end
    start: null,
    stop: null,
    mode: 'live',
  };
  const indexCache = new WeakMap();

  function handle(name, data) {
    switch (name) {
      case 'param': state.param = data || {}; break;
      case 'metric':
        Object.assign(state.info, data);
        state.names = Object.keys(state.info).sort(byCodeUnits);
        break;
      case 'start': state.start = data[0][0]; break;
      case 'snapshot': state.snapshots.push({ names: state.names, data: data, time: clockOf(state.names, data) }); break;
      case 'cumulative': state.cumulative = { names: state.names, data: data, time: clockOf(state.names, data) }; break;
      case 'threshold': state.failures = data || {}; break;
      case 'summary': state.summary = data; break;
      case 'stop': state.stop = data[0][0]; break;
      default: break; // config and anything newer: not for this page
    }
  }

  function byCodeUnits(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  function clockOf(names, data) {
    const at = names.indexOf('time');
    return at >= 0 && data[at] ? data[at][0] : null;
  }

  function indexOf(names, metric) {
    let map = indexCache.get(names);
    if (!map) {
      map = new Map(names.map((n, i) => [n, i]));
      indexCache.set(names, map);
    }
    const at = map.get(metric);
    return at === undefined ? -1 : at;
  }

  // The value of one aggregate of a metric in one record (snapshot or cumulative); undefined when absent.
  function value(record, metric, aggregate) {
    if (!record) return undefined;
    const info = state.info[metric];
    if (!info) return undefined;
    const names = (state.param.aggregates || {})[info.type] || [];
    const position = names.indexOf(aggregate);
    const at = indexOf(record.names, metric);
    if (position < 0 || at < 0) return undefined;
    const values = record.data[at];
    return values && values.length > position ? values[position] : undefined;
  }

  const has = (metric) => state.info[metric] !== undefined;
  const total = (metric, aggregate) => value(state.cumulative, metric, aggregate);

  // ---- formatting --------------------------------------------------------------------------------------------
  function fmtTime(ms) {
    if (ms === undefined || ms === null || isNaN(ms)) return '–';
    if (ms >= 60000) {
      const m = Math.floor(ms / 60000);
      const s = (ms - m * 60000) / 1000;
      return m + 'm' + (s ? trim(s.toFixed(1)) + 's' : '');
    }
    if (ms >= 1000) return trim((ms / 1000).toFixed(2)) + 's';
    if (ms >= 1) return trim(ms.toFixed(2)) + 'ms';
    if (ms === 0) return '0s';
    return trim((ms * 1000).toFixed(2)) + 'µs';
  }
  function fmtData(bytes) {
    if (bytes === undefined || isNaN(bytes)) return '–';
    const units = ['B', 'kB', 'MB', 'GB', 'TB'];
    let n = bytes;
    let u = 0;
    while (Math.abs(n) >= 1000 && u < units.length - 1) { n /= 1000; u++; }
    return trim(n.toFixed(u === 0 ? 0 : 1)) + ' ' + units[u];
  }
  function fmtNumber(n, digits) {
    if (n === undefined || n === null || isNaN(n)) return '–';
    if (Number.isInteger(n)) return String(n);
    return trim(n.toFixed(digits === undefined ? 2 : digits));
  }
  function fmtPercent(rate) {
    return rate === undefined || isNaN(rate) ? '–' : trim((rate * 100).toFixed(2)) + '%';
  }
  function trim(text) { return text.indexOf('.') >= 0 ? text.replace(/\.?0+$/, '') : text; }
  function fmtValue(metric, n) {
    const contains = (state.info[metric] || {}).contains;
    if (contains === 'time') return fmtTime(n);
    if (contains === 'data') return fmtData(n);
    return fmtNumber(n);
  }
  function fmtRateOf(metric, n) {
    const contains = (state.info[metric] || {}).contains;
    return contains === 'data' ? fmtData(n) + '/s' : fmtNumber(n) + '/s';
  }
  function fmtDate(ms) {
    return ms ? new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : '–';
  }
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  // ---- sub-metrics: scenarios and groups ---------------------------------------------------------------------
  function tagValues(tag) {
    const values = new Set();
    const prefix = '{' + tag + ':';
    for (const name of state.names) {
      const at = name.indexOf(prefix);
      if (at > 0 && name.endsWith('}')) values.add(name.substring(at + prefix.length, name.length - 1));
    }
    return Array.from(values).sort(byCodeUnits);
  }
  const sub = (metric, tag, v) => metric + '{' + tag + ':' + v + '}';

  // ---- charts -------------------------------------------------------------------------------------------------
  const palette = ['#7d64ff', '#1f9e89', '#e8743b', '#d62f6c', '#3b8bd6', '#b58b00', '#6b7280', '#16a34a'];
  const charts = new Map(); // id -> {plot, spec}

  // series: {metric, aggregate, label, axis: 'y'|'y2', scale(x)}
  function seriesData(series) {
    const times = [];
    const columns = series.map(() => []);
    for (const snapshot of state.snapshots) {
      if (snapshot.time === null) continue;
      times.push(snapshot.time / 1000);
      series.forEach((s, i) => {
        const v = value(snapshot, s.metric, s.aggregate);
        columns[i].push(v === undefined ? null : (s.scale ? s.scale(v) : v));
      });
    }
    return [times].concat(columns);
  }

  function axisFormatter(kind) {
    switch (kind) {
      case 'time': return (u, ticks) => ticks.map((t) => fmtTime(t));
      case 'data': return (u, ticks) => ticks.map((t) => fmtData(t) + '/s');
      case 'rate': return (u, ticks) => ticks.map((t) => fmtNumber(t) + '/s');
      case 'percent': return (u, ticks) => ticks.map((t) => trim(t.toFixed(1)) + '%');
      default: return (u, ticks) => ticks.map((t) => fmtNumber(t));
    }
  }
  function valueFormatter(kind) {
    switch (kind) {
      case 'time': return (u, v) => (v === null ? '–' : fmtTime(v));
      case 'data': return (u, v) => (v === null ? '–' : fmtData(v) + '/s');
      case 'rate': return (u, v) => (v === null ? '–' : fmtNumber(v) + '/s');
      case 'percent': return (u, v) => (v === null ? '–' : trim(v.toFixed(2)) + '%');
      default: return (u, v) => (v === null ? '–' : fmtNumber(v));
    }
  }

  function makeChart(container, spec) {
    const width = Math.max(280, container.clientWidth - 24);
    const axes = [{ stroke: '#6b7280', grid: { stroke: '#eef0f3' } },
      { stroke: '#6b7280', grid: { stroke: '#eef0f3' }, size: 64, values: axisFormatter(spec.kinds.y) }];
    const scales = { x: { time: true }, y: { range: (u, min, max) => [Math.min(0, min), max > 0 ? max * 1.1 : 1] } };
    if (spec.kinds.y2) {
      axes.push({ side: 1, scale: 'y2', stroke: '#6b7280', grid: { show: false }, size: 64, values: axisFormatter(spec.kinds.y2) });
      scales.y2 = { range: (u, min, max) => [Math.min(0, min), max > 0 ? max * 1.1 : 1] };
    }
    const series = [{}].concat(spec.series.map((s, i) => ({
      label: s.label,
      scale: s.axis === 'y2' ? 'y2' : 'y',
      stroke: palette[i % palette.length],
      fill: spec.fill && i === 0 ? palette[0] + '22' : undefined,
      width: 1.6,
      value: valueFormatter(s.axis === 'y2' ? spec.kinds.y2 : spec.kinds.y),
      spanGaps: false,
    })));
    const options = { width: width, height: 220, axes: axes, scales: scales, series: series,
      legend: { live: true }, cursor: { drag: { x: true, y: false } } };
    return new uPlot(options, seriesData(spec.series), container);
  }

  function chartCard(spec) {
    return '<section class="card chart" data-chart="' + spec.id + '"><h3>' + escapeHtml(spec.title) + '</h3>' +
      (spec.help ? '<p class="muted small">' + escapeHtml(spec.help) + '</p>' : '') +
      '<div class="plot" id="plot-' + spec.id + '"></div></section>';
  }

  function trendSeries(metric, label) {
    return ['avg', 'p(90)', 'p(95)', 'p(99)'].map((a) => ({ metric: metric, aggregate: a, label: (label ? label + ' ' : '') + a }));
  }

  // The charts this run has data for, in page order.
  function chartSpecs() {
    const specs = [];
    const add = (spec) => { if (spec.series.some((s) => has(s.metric))) specs.push(spec); };
    const pct = (v) => v * 100;
    add({ id: 'http-overview', title: 'HTTP performance overview', fill: true, kinds: { y: 'rate', y2: 'time' },
      series: [{ metric: 'http_reqs', aggregate: 'rate', label: 'request rate' },
        { metric: 'http_req_duration', aggregate: 'p(95)', label: 'duration p(95)', axis: 'y2' }] });
    add({ id: 'vus', title: 'VUs and iterations', fill: true, kinds: { y: 'count', y2: 'rate' },
      series: [{ metric: 'vus', aggregate: 'value', label: 'vus' }, { metric: 'vus_max', aggregate: 'value', label: 'vus_max' },
        { metric: 'iterations', aggregate: 'rate', label: 'iteration rate', axis: 'y2' }] });
    add({ id: 'transfer', title: 'Transfer rate', fill: true, kinds: { y: 'data' },
      series: [{ metric: 'data_received', aggregate: 'rate', label: 'received' }, { metric: 'data_sent', aggregate: 'rate', label: 'sent' }] });
    add({ id: 'http-duration', title: 'HTTP request duration', kinds: { y: 'time' }, series: trendSeries('http_req_duration') });
    add({ id: 'iteration-duration', title: 'Iteration duration', kinds: { y: 'time' }, series: trendSeries('iteration_duration') });
    add({ id: 'http-timings', title: 'HTTP request timings, p(95)', kinds: { y: 'time' },
      series: ['blocked', 'connecting', 'tls_handshaking', 'sending', 'waiting', 'receiving']
        .map((t) => ({ metric: 'http_req_' + t, aggregate: 'p(95)', label: t })) });
    add({ id: 'checks', title: 'Checks passed and HTTP failures', kinds: { y: 'percent' },
      series: [{ metric: 'checks', aggregate: 'rate', label: 'checks passed', scale: pct },
        { metric: 'http_req_failed', aggregate: 'rate', label: 'HTTP requests failed', scale: pct }] });
    return specs;
  }

  function scenarioChartSpec() {
    const scenarios = tagValues('scenario');
    if (scenarios.length === 0) return null;
    const metric = has('http_reqs') ? 'http_reqs' : 'iterations';
    return { id: 'per-scenario', title: (metric === 'http_reqs' ? 'Request rate' : 'Iteration rate') + ' per scenario',
      kinds: { y: 'rate' }, series: scenarios.map((s) => ({ metric: sub(metric, 'scenario', s), aggregate: 'rate', label: s })) };
  }

  const protocols = [
    { id: 'ws', title: 'WebSocket', counters: ['ws_sessions', 'ws_msgs_sent', 'ws_msgs_received'],
      trends: ['ws_connecting', 'ws_session_duration', 'ws_ping'] },
    { id: 'grpc', title: 'gRPC', counters: ['grpc_streams', 'grpc_streams_msgs_sent', 'grpc_streams_msgs_received'],
      trends: ['grpc_req_duration'] },
    { id: 'tcp', title: 'TCP', counters: ['tcp_sockets', 'tcp_reads', 'tcp_writes', 'tcp_errors', 'tcp_timeouts', 'tcp_partial_writes'],
      trends: ['tcp_socket_connecting', 'tcp_socket_duration', 'tcp_socket_resolving'] },
  ];

  function protocolChartSpecs(protocol) {
    const specs = [];
    const counters = protocol.counters.filter(has);
    if (counters.length) {
      specs.push({ id: protocol.id + '-rates', title: protocol.title + ': rates', kinds: { y: 'rate' },
        series: counters.map((m) => ({ metric: m, aggregate: 'rate', label: m })) });
    }
    const trends = protocol.trends.filter(has);
    if (trends.length) {
      specs.push({ id: protocol.id + '-durations', title: protocol.title + ': durations, p(95)', kinds: { y: 'time' },
        series: trends.map((m) => ({ metric: m, aggregate: 'p(95)', label: m })) });
    }
    return specs;
  }

  function customMetrics() {
    return state.names.filter((n) => n.indexOf('{') < 0 && (state.info[n] || {}).custom);
  }

  function customChartSpec(metric) {
    const info = state.info[metric];
    const kind = info.contains === 'time' ? 'time' : info.contains === 'data' ? 'data' : 'count';
    switch (info.type) {
      case 'trend': return { id: 'custom-' + metric, title: metric, kinds: { y: kind === 'data' ? 'count' : kind }, series: trendSeries(metric) };
      case 'counter': return { id: 'custom-' + metric, title: metric + ' (rate)', kinds: { y: kind === 'data' ? 'data' : 'rate' }, fill: true,
        series: [{ metric: metric, aggregate: 'rate', label: 'rate' }] };
      case 'rate': return { id: 'custom-' + metric, title: metric, kinds: { y: 'percent' }, fill: true,
        series: [{ metric: metric, aggregate: 'rate', label: 'rate', scale: (v) => v * 100 }] };
      default: return { id: 'custom-' + metric, title: metric, kinds: { y: kind === 'data' ? 'count' : kind }, fill: true,
        series: [{ metric: metric, aggregate: 'value', label: 'value' }] };
    }
  }

  // ---- page sections ------------------------------------------------------------------------------------------
  function tile(label, main, detail, key, raw) {
    return '<div class="tile"' + (key ? ' data-k6j="' + key + '" data-value="' + (raw === undefined ? '' : raw) + '"' : '') + '>' +
      '<div class="label">' + escapeHtml(label) + '</div><div class="main">' + escapeHtml(main) + '</div>' +
      '<div class="detail muted">' + escapeHtml(detail || '') + '</div></div>';
  }

  function tilesHtml() {
    const tiles = [];
    if (has('iterations')) {
      const count = total('iterations', 'count');
      tiles.push(tile('Iterations', fmtNumber(count), fmtNumber(total('iterations', 'rate')) + '/s', 'iterations.count', count));
    }
    if (has('http_reqs')) {
      const count = total('http_reqs', 'count');
      tiles.push(tile('HTTP requests', fmtNumber(count), fmtNumber(total('http_reqs', 'rate')) + '/s', 'http_reqs.count', count));
    }
    if (has('http_req_duration')) {
      tiles.push(tile('HTTP request duration p(95)', fmtTime(total('http_req_duration', 'p(95)')),
        'avg ' + fmtTime(total('http_req_duration', 'avg')), 'http_req_duration.p95', total('http_req_duration', 'p(95)')));
    }
    if (has('http_req_failed')) {
      const fails = total('http_req_failed', 'passes');
      tiles.push(tile('HTTP request failures', fmtPercent(total('http_req_failed', 'rate')),
        fails === undefined ? '' : fails + ' failed', 'http_req_failed.rate', total('http_req_failed', 'rate')));
    }
    if (has('checks')) {
      const passes = total('checks', 'passes');
      const fails = total('checks', 'fails');
      tiles.push(tile('Checks', fmtPercent(total('checks', 'rate')),
        passes === undefined ? '' : passes + ' ✓ · ' + fails + ' ✗', 'checks.passes', passes));
    }
    if (has('vus')) {
      const last = state.snapshots.length ? value(state.snapshots[state.snapshots.length - 1], 'vus', 'value') : undefined;
      tiles.push(tile('VUs', fmtNumber(state.stop ? total('vus', 'value') : (last === undefined ? total('vus', 'value') : last)),
        'max ' + fmtNumber(total('vus_max', 'max') !== undefined ? total('vus_max', 'max') : total('vus_max', 'value')), 'vus', total('vus', 'value')));
    }
    if (has('data_received')) {
      tiles.push(tile('Data received', fmtData(total('data_received', 'count')), fmtData(total('data_received', 'rate')) + '/s'));
    }
    if (has('data_sent')) {
      tiles.push(tile('Data sent', fmtData(total('data_sent', 'count')), fmtData(total('data_sent', 'rate')) + '/s'));
    }
    return tiles.length ? '<section class="tiles">' + tiles.join('') + '</section>' : '';
  }

  function thresholdsHtml() {
    const thresholds = state.param.thresholds || {};
    const metrics = Object.keys(thresholds);
    if (!metrics.length) return '';
    const summaryMetrics = state.summary && state.summary.metrics;
    const rows = [];
    for (const metric of metrics) {
      for (const expression of thresholds[metric]) {
        let status = 'pending';
        const fromSummary = summaryMetrics && summaryMetrics[metric] && summaryMetrics[metric].thresholds;
        if (fromSummary && fromSummary[expression]) {
          status = fromSummary[expression].ok ? 'pass' : 'fail';
        } else if (state.failures) {
          status = (state.failures[metric] || []).indexOf(expression) >= 0 ? 'fail' : 'pass';
        }
        rows.push('<tr data-threshold="' + escapeHtml(metric + ' ' + expression) + '" class="' + status + '"><td>' +
          escapeHtml(metric) + '</td><td><code>' + escapeHtml(expression) + '</code></td><td class="badge ' + status + '">' +
          (status === 'pass' ? '✓ passing' : status === 'fail' ? '✗ failing' : '… not evaluated yet') + '</td></tr>');
      }
    }
    return '<section class="card" id="thresholds"><h2>Thresholds</h2><table><thead><tr><th>metric</th><th>threshold</th>' +
      '<th>status</th></tr></thead><tbody>' + rows.join('') + '</tbody></table></section>';
  }

  function breakdownHtml(tag, title, columns) {
    const values = tagValues(tag);
    if (!values.length) return '';
    const head = '<tr><th>' + tag + '</th>' + columns.map((c) => '<th>' + escapeHtml(c.label) + '</th>').join('') + '</tr>';
    const rows = values.map((v) => '<tr data-' + tag + '="' + escapeHtml(v) + '"><td>' + escapeHtml(v || '(root)') + '</td>' +
      columns.map((c) => {
        const name = sub(c.metric, tag, v);
        const x = total(name, c.aggregate);
        return '<td>' + (x === undefined ? '–' : escapeHtml(c.format ? c.format(x) : fmtValue(c.metric, x))) + '</td>';
      }).join('') + '</tr>').join('');
    return '<section class="card" id="' + tag + 's"><h2>' + title + '</h2><div class="scroll"><table><thead>' + head +
      '</thead><tbody>' + rows + '</tbody></table></div></section>';
  }

  const scenarioColumns = [
    { label: 'iterations', metric: 'iterations', aggregate: 'count' },
    { label: 'iteration rate', metric: 'iterations', aggregate: 'rate', format: (x) => fmtNumber(x) + '/s' },
    { label: 'iteration avg', metric: 'iteration_duration', aggregate: 'avg' },
    { label: 'HTTP requests', metric: 'http_reqs', aggregate: 'count' },
    { label: 'HTTP p(95)', metric: 'http_req_duration', aggregate: 'p(95)' },
    { label: 'HTTP failed', metric: 'http_req_failed', aggregate: 'rate', format: fmtPercent },
    { label: 'checks', metric: 'checks', aggregate: 'rate', format: fmtPercent },
  ];
  const groupColumns = [
    { label: 'group duration avg', metric: 'group_duration', aggregate: 'avg' },
    { label: 'group duration p(95)', metric: 'group_duration', aggregate: 'p(95)' },
    { label: 'HTTP requests', metric: 'http_reqs', aggregate: 'count' },
    { label: 'HTTP p(95)', metric: 'http_req_duration', aggregate: 'p(95)' },
    { label: 'HTTP failed', metric: 'http_req_failed', aggregate: 'rate', format: fmtPercent },
    { label: 'checks', metric: 'checks', aggregate: 'rate', format: fmtPercent },
  ];

  function protocolTilesHtml(protocol) {
    const tiles = protocol.counters.filter(has).map((m) =>
      tile(m, fmtNumber(total(m, 'count')), fmtNumber(total(m, 'rate')) + '/s', m + '.count', total(m, 'count')));
    protocol.trends.filter(has).forEach((m) => tiles.push(tile(m + ' p(95)', fmtTime(total(m, 'p(95)')), 'avg ' + fmtTime(total(m, 'avg')))));
    return '<section class="tiles">' + tiles.join('') + '</section>';
  }

  // The end-of-test table: the summary's numbers when the run has ended (k6j sends them), else the cumulative ones.
  function summaryHtml() {
    const names = state.names.filter((n) => n !== 'time' && (n.indexOf('{') < 0 ||
      (state.summary && state.summary.metrics && state.summary.metrics[n])));
    if (!names.length) return '';
    const rows = names.map((name) => {
      const info = state.info[name];
      const fromSummary = state.summary && state.summary.metrics && state.summary.metrics[name];
      const values = fromSummary ? fromSummary.values : cumulativeValues(name);
      return '<tr data-metric="' + escapeHtml(name) + '"><td>' + escapeHtml(name) + '</td><td>' + info.type + '</td><td>' +
        escapeHtml(describeValues(name, info.type, values || {})) + '</td></tr>';
    });
    const source = state.summary ? 'the end-of-test summary' : 'the run so far';
    return '<section class="card" id="summary"><h2>Summary</h2><p class="muted small">From ' + source + '.</p>' +
      '<div class="scroll"><table><thead><tr><th>metric</th><th>type</th><th>values</th></tr></thead><tbody>' +
      rows.join('') + '</tbody></table></div>' + checksHtml() + '</section>';
  }

  function cumulativeValues(name) {
    const info = state.info[name];
    const names = (state.param.aggregates || {})[info.type] || [];
    const out = {};
    names.forEach((a) => { out[a] = total(name, a); });
    return out;
  }

  function describeValues(name, type, v) {
    switch (type) {
      case 'counter': return fmtValue(name, v.count) + '  ' + fmtRateOf(name, v.rate);
      case 'rate': return fmtPercent(v.rate) + '  ' + fmtNumber(v.passes) + ' out of ' + fmtNumber((v.passes || 0) + (v.fails || 0));
      case 'gauge': return fmtValue(name, v.value) + '  min=' + fmtValue(name, v.min) + '  max=' + fmtValue(name, v.max);
      default: {
        const parts = [];
        for (const key of Object.keys(v)) {
          if (key === 'count') continue;
          parts.push(key + '=' + fmtValue(name, v[key]));
        }
        return parts.join('  ');
      }
    }
  }

  function checksHtml() {
    const root = state.summary && state.summary.root_group;
    if (!root) return '';
    const rows = [];
    const walk = (group, path) => {
      for (const check of group.checks || []) {
        rows.push('<tr data-check="' + escapeHtml(check.name) + '"><td>' + escapeHtml(path) + '</td><td>' + escapeHtml(check.name) +
          '</td><td class="pass">' + check.passes + ' ✓</td><td class="' + (check.fails ? 'fail' : '') + '">' + check.fails + ' ✗</td></tr>');
      }
      for (const child of group.groups || []) walk(child, path + '::' + child.name);
    };
    walk(root, '');
    if (!rows.length) return '';
    return '<h3>Checks</h3><table id="checks-table"><thead><tr><th>group</th><th>check</th><th>passes</th><th>fails</th></tr></thead><tbody>' +
      rows.join('') + '</tbody></table>';
  }

  function optionsHtml() {
    const options = state.param.options;
    if (!options || !Object.keys(options).length) return '';
    return '<section class="card" id="options"><details><summary><h2>Options</h2></summary><pre>' +
      escapeHtml(JSON.stringify(options, null, 2)) + '</pre></details></section>';
  }

  // ---- rendering ----------------------------------------------------------------------------------------------
  let layoutKey = '';
  let renderQueued = false;

  function scheduleRender() {
    if (renderQueued) return;
    renderQueued = true;
    requestAnimationFrame(() => { renderQueued = false; render(); });
  }

  function allChartSpecs() {
    const groups = [{ title: null, specs: chartSpecs() }];
    const perScenario = scenarioChartSpec();
    groups.push({ title: 'scenarios', specs: perScenario ? [perScenario] : [] });
    for (const p of protocols) groups.push({ title: p.id, specs: protocolChartSpecs(p) });
    groups.push({ title: 'custom', specs: customMetrics().map(customChartSpec) });
    return groups;
  }

  function render() {
    renderHeader();
    const groups = allChartSpecs();
    const specs = groups.flatMap((g) => g.specs);
    const key = specs.map((s) => s.id + ':' + s.series.length).join('|') + '#' + (state.param.thresholds ? 1 : 0) +
      '#' + tagValues('scenario').length + '#' + tagValues('group').length;
    const main = document.getElementById('main');
    if (key !== layoutKey) {
      layoutKey = key;
      for (const chart of charts.values()) chart.plot.destroy();
      charts.clear();
      filled.clear();
      main.innerHTML = layoutHtml(groups);
      for (const spec of specs) {
        const container = document.getElementById('plot-' + spec.id);
        charts.set(spec.id, { plot: makeChart(container, spec), spec: spec });
      }
    } else {
      for (const chart of charts.values()) chart.plot.setData(seriesData(chart.spec.series));
    }
    fill('tiles-slot', tilesHtml());
    fill('thresholds-slot', thresholdsHtml());
    fill('scenarios-slot', breakdownHtml('scenario', 'Scenarios', scenarioColumns));
    fill('groups-slot', breakdownHtml('group', 'Groups', groupColumns));
    for (const p of protocols) fill(p.id + '-tiles', protocolTilesHtml(p));
    fill('summary-slot', summaryHtml());
    fill('options-slot', optionsHtml());
    document.body.dataset.snapshots = String(state.snapshots.length);
    document.body.dataset.state = state.stop ? 'ended' : 'running';
  }

  const filled = new Map(); // slot id -> the HTML it holds, so unchanged slots are not rebuilt

  function fill(id, html) {
    const element = document.getElementById(id);
    if (element && filled.get(id) !== html) {
      const open = element.querySelector('details[open]') !== null;
      element.innerHTML = html;
      filled.set(id, html);
      if (open) {
        const details = element.querySelector('details');
        if (details) details.open = true;
      }
    }
  }

  function layoutHtml(groups) {
    const html = ['<div id="tiles-slot"></div><div id="thresholds-slot"></div>'];
    html.push('<div class="grid">' + groups[0].specs.map(chartCard).join('') + '</div>');
    html.push('<div id="scenarios-slot"></div>');
    html.push('<div class="grid">' + groups[1].specs.map(chartCard).join('') + '</div>');
    html.push('<div id="groups-slot"></div>');
    for (const p of protocols) {
      const group = groups.find((g) => g.title === p.id);
      if (!group.specs.length) continue;
      html.push('<section class="protocol" id="protocol-' + p.id + '"><h2>' + p.title + '</h2><div id="' + p.id + '-tiles"></div>' +
        '<div class="grid">' + group.specs.map(chartCard).join('') + '</div></section>');
    }
    const custom = groups.find((g) => g.title === 'custom');
    if (custom.specs.length) {
      html.push('<section class="protocol" id="custom-metrics"><h2>Custom metrics</h2><p class="muted small">' +
        'Metrics of the script and of extensions.</p><div class="grid">' + custom.specs.map(chartCard).join('') + '</div></section>');
    }
    html.push('<div id="summary-slot"></div><div id="options-slot"></div>');
    return html.join('');
  }

  function renderHeader() {
    const script = state.param.scriptPath || '';
    document.getElementById('title').textContent = script ? script.replace(/^file:\/\//, '') : 'k6j web dashboard';
    document.title = (script ? script.replace(/^.*\//, '') + ' · ' : '') + 'k6j web dashboard';
    const parts = [];
    if (state.start) parts.push('started ' + fmtDate(state.start));
    const end = state.stop || (state.cumulative && state.cumulative.time);
    if (state.start && end) parts.push('duration ' + fmtTime(end - state.start));
    if (state.param.period) parts.push('period ' + fmtTime(state.param.period));
    document.getElementById('subtitle').textContent = parts.join(' · ');
    const status = document.getElementById('status');
    const text = state.mode === 'report' ? 'report' : state.stop ? 'finished' : state.start ? 'running' : 'waiting for the test';
    status.textContent = text;
    status.className = 'status ' + text.split(' ')[0];
  }

  // ---- event sources: the server's stream, or the report's inlined data ---------------------------------------
  async function loadInlined(element) {
    const text = element.textContent.trim();
    const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    const lines = (await new Response(stream).text()).split('\n');
    for (const line of lines) {
      if (!line) continue;
      const envelope = JSON.parse(line);
      handle(envelope.event, envelope.data);
    }
  }

  function connect() {
    const source = new EventSource('/events');
    const names = ['param', 'metric', 'start', 'snapshot', 'cumulative', 'threshold', 'summary', 'stop'];
    for (const name of names) {
      source.addEventListener(name, (event) => {
        handle(name, JSON.parse(event.data));
        if (name === 'stop') source.close();
        scheduleRender();
      });
    }
    source.onerror = () => {
      if (!state.stop) document.getElementById('status').textContent = 'disconnected, retrying…';
    };
  }

  async function main() {
    const started = performance.now();
    const inlined = document.getElementById('k6j-data');
    if (inlined && inlined.textContent.trim()) {
      state.mode = 'report';
      await loadInlined(inlined);
      render();
      api.renderMillis = performance.now() - started;
      api.readyAt = performance.now();
      document.body.dataset.ready = 'true';
    } else {
      document.getElementById('report-link').hidden = false;
      document.body.dataset.ready = 'true';
      connect();
    }
    let resizeTimer = null;
    window.addEventListener('resize', () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => { layoutKey = ''; render(); }, 200);
    });
  }

  // For tests and the curious: the page's state and charts.
  const api = { state: state, charts: charts, renderMillis: null, readyAt: null };
  window.k6jDashboard = api;
  main().catch((e) => {
    document.getElementById('status').textContent = 'error: ' + e.message;
    throw e;
  });
})();
