// The k6/experimental/csv module. `host` is CsvModule.Host. A file is a k6/experimental/fs File; its bytes come
// from the run's file cache, so parsing does not read the disk again.
(function (host) {
  const pathOf = (file) => {
    if (file === null || typeof file !== 'object' || typeof file.path !== 'string' || typeof file.read !== 'function') {
      throw new TypeError('first argument expected to be a fs.File instance');
    }
    return file.path;
  };
  let counter = 0;

  function parse(file, options) {
    try {
      const path = pathOf(file);
      const { SharedArray } = globalThis.__k6j_module('k6/data').default; // the VU's own k6/data
      const name = 'csv.parse.' + path + '.' + JSON.stringify(options ?? {}) + '.' + counter++;
      return Promise.resolve(new SharedArray(name, () => Array.from(host.parseAll(path, options ?? null))));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  const parsers = new WeakMap();
  class Parser {
    constructor(file, options) {
      if (!host.initStage()) throw new Error('csv Parser constructor must be called in the init context');
      if (file === undefined || file === null) throw new Error('csv Parser constructor takes at least one non-nil source argument');
      parsers.set(this, host.newParser(pathOf(file), options ?? null));
    }
    next() {
      try {
        const record = host.next(parsers.get(this));
        return Promise.resolve(record === null ? { done: true, value: [] } : { done: false, value: record });
      } catch (e) {
        return Promise.reject(e);
      }
    }
  }

  return { parse, Parser };
})
