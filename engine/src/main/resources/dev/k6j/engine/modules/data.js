// The k6/data module. `host` is DataModule.Host.
(function (host) {
  const freeze = (value) => {
    if (value && typeof value === 'object') {
      Object.values(value).forEach(freeze);
      Object.freeze(value);
    }
    return value;
  };

  class SharedArray {
    constructor(name, build) {
      if (!host.initStage()) {
        throw new Error('new SharedArray() can only be called in the init context (the script\'s top level)');
      }
      if (typeof name !== 'string' || name === '') throw new TypeError('SharedArray needs a non-empty name');
      if (typeof build !== 'function') throw new TypeError('SharedArray needs a function that returns an array');
      const elements = host.get(name, () => {
        const data = build();
        if (!Array.isArray(data)) throw new TypeError('the SharedArray function must return an array');
        return data.map((item) => JSON.stringify(item === undefined ? null : item));
      });
      const length = elements.size();
      const at = (i) => freeze(JSON.parse(elements.json(i)));
      const target = Object.freeze(Object.create(SharedArray.prototype));
      return new Proxy(target, {
        get(t, key) {
          if (typeof key === 'string' && /^(0|[1-9][0-9]*)$/.test(key)) {
            const i = Number(key);
            return i < length ? at(i) : undefined;
          }
          if (key === 'length') return length;
          if (key === Symbol.iterator) return function* () { for (let i = 0; i < length; i++) yield at(i); };
          const method = Array.prototype[key];
          if (typeof method === 'function') {
            return (...args) => method.apply(Array.from({ length }, (_, i) => at(i)), args);
          }
          return Reflect.get(t, key);
        },
        set() { throw new TypeError('SharedArray is read-only'); },
        deleteProperty() { throw new TypeError('SharedArray is read-only'); },
        has: (t, key) => (typeof key === 'string' && /^\d+$/.test(key) ? Number(key) < length : key in t),
      });
    }
  }
  return { SharedArray };
})
