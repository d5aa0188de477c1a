// Installs k6's globals in a VU's context. Evaluated once per VU; parsed once per run.
// `host` is the VU's VuGlobals Java object; `loader` the name of the hidden global through which the generated
// module shims fetch a module's exports (ModuleShims). Returns the helpers the engine uses in this context.
(function (host, loader) {
  const g = globalThis;
  // k6 scripts see no Java: host classes are already unreachable, and the interop object goes too.
  for (const name of ['Java', 'Packages', 'java', 'javax', 'javafx', 'com', 'org', 'edu', 'net']) delete g[name];
  const define = (name, value) =>
    Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });

  const show = (value) => {
    if (typeof value === 'string') return value;
    if (value instanceof Error) return String(value);
    if (typeof value === 'function') return '[function ' + (value.name || 'anonymous') + ']';
    if (typeof value === 'object' && value !== null) {
      try { return JSON.stringify(value); } catch (e) { return String(value); }
    }
    return String(value);
  };
  const format = (args) => args.map(show).join(' ');

  define('console', Object.freeze({
    log: (...args) => host.log('info', format(args)),
    info: (...args) => host.log('info', format(args)),
    warn: (...args) => host.log('warn', format(args)),
    error: (...args) => host.log('error', format(args)),
    debug: (...args) => host.log('debug', format(args)),
  }));

  const callback = (fn, args, what) => {
    if (typeof fn !== 'function') throw new TypeError(what + ' needs a function as its first argument');
    return () => fn(...args);
  };
  define('setTimeout', (fn, ms, ...args) => host.setTimeout(callback(fn, args, 'setTimeout'), Number(ms) || 0));
  define('setInterval', (fn, ms, ...args) => host.setInterval(callback(fn, args, 'setInterval'), Number(ms) || 0));
  define('clearTimeout', (id) => host.clearTimer(Number(id) || 0));
  define('clearInterval', (id) => host.clearTimer(Number(id) || 0));

  define('open', (path, mode) => {
    if (path === undefined) throw new TypeError('open() needs a file path');
    return host.open(String(path), mode === undefined || mode === null ? '' : String(mode));
  });

  // k6's "extended" compatibility mode (the default): `global` is `globalThis`, as in Node.js.
  if (host.globalAlias()) {
    let current = g;
    Object.defineProperty(g, 'global', {
      get: () => current, set: (value) => { current = value; }, configurable: true, enumerable: false });
  }

  // Built when first read, from JSON: cheaper than one host call per variable, and each VU gets its own object.
  Object.defineProperty(g, '__ENV', {
    get() { const env = JSON.parse(host.environmentJson()); define('__ENV', env); return env; },
    set(value) { define('__ENV', value); },
    configurable: true, enumerable: false,
  });
  define('__VU', host.vuId());
  // Read through a getter: writing a global binding every iteration costs more than a host call.
  Object.defineProperty(g, '__ITER', { get: () => host.iteration(), configurable: true, enumerable: false });

  // CommonJS require() for local files, and for k6 modules (their default export).
  const cache = new Map();
  const makeRequire = (dir) => function require(specifier) {
    host.requireInitStage('require');
    const spec = String(specifier);
    if (spec === 'k6' || spec.startsWith('k6/')) return host.requireModule(spec);
    const path = host.resolvePath(dir, spec);
    const cached = cache.get(path);
    if (cached) return cached.exports;
    const module = { exports: {} };
    cache.set(path, module);
    const dirname = host.dirname(path);
    host.commonJs(path).call(module.exports, module, module.exports, makeRequire(dirname), path, dirname);
    return module.exports;
  };
  define('require', makeRequire(host.scriptDirectory()));
  Object.defineProperty(g, loader, { value: (name) => host.module(name), enumerable: false });

  return {
    thrower: (e) => { throw e; },
    promiseKit: () => {
      let resolve, reject;
      const promise = new Promise((a, b) => { resolve = a; reject = b; });
      return { promise, resolve, reject };
    },
  };
})
