// The k6/metrics module. `host` is MetricsModule.Host.
(function (host) {
  const make = (type) => {
    const cls = class {
      constructor(name, isTime) {
        if (name === undefined) throw new TypeError(type + ' needs a metric name');
        Object.defineProperty(this, '_metric', { value: host.register(type, String(name), !!isTime) });
        Object.defineProperty(this, 'name', { value: String(name), enumerable: true });
      }
      add(value, tags) {
        return host.add(this._metric, value, tags === undefined ? null : tags);
      }
    };
    Object.defineProperty(cls, 'name', { value: type.charAt(0) + type.slice(1).toLowerCase() });
    return cls;
  };
  return { Counter: make('COUNTER'), Gauge: make('GAUGE'), Rate: make('RATE'), Trend: make('TREND') };
})
