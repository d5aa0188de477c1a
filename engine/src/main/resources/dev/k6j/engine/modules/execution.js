// The k6/execution module. `host` is ExecutionModule.Host.
(function (host) {
  const getters = (spec) => {
    const object = {};
    for (const [name, get] of Object.entries(spec)) {
      Object.defineProperty(object, name, { get, enumerable: true });
    }
    return Object.freeze(object);
  };

  const tagMap = (get, names, set, remove) => new Proxy({}, {
    get: (_, name) => (typeof name === 'string' ? get(name) ?? undefined : undefined),
    set: (_, name, value) => { set(String(name), value); return true; },
    deleteProperty: (_, name) => { remove(String(name)); return true; },
    has: (_, name) => typeof name === 'string' && get(name) != null,
    ownKeys: () => [...names()],
    getOwnPropertyDescriptor: (_, name) => {
      const value = typeof name === 'string' ? get(name) : null;
      return value == null ? undefined : { value, enumerable: true, configurable: true, writable: true };
    },
  });

  const tags = tagMap((n) => host.tag(n), () => host.tagNames(), (n, v) => host.setTag(n, v), (n) => host.deleteTag(n));
  const metadata = tagMap((n) => host.metadata(n), () => host.metadataNames(),
    (n, v) => host.setMetadata(n, v), (n) => host.deleteMetadata(n));

  const deepFreeze = (value) => {
    if (value && typeof value === 'object') {
      Object.values(value).forEach(deepFreeze);
      Object.freeze(value);
    }
    return value;
  };
  let options;

  const instance = getters({
    iterationsInterrupted: () => host.iterationsInterrupted(),
    iterationsCompleted: () => host.iterationsCompleted(),
    vusActive: () => host.vusActive(),
    vusInitialized: () => host.vusInitialized(),
    currentTestRunDuration: () => host.currentTestRunDuration(),
  });
  const scenario = getters({
    name: () => host.scenarioName(),
    executor: () => host.scenarioExecutor(),
    startTime: () => host.scenarioStartTime(),
    progress: () => host.scenarioProgress(),
    iterationInInstance: () => host.scenarioIterationInInstance(),
    iterationInTest: () => host.scenarioIterationInTest(),
  });
  const test = Object.freeze({
    abort: (reason) => host.abort(reason === undefined ? '' : String(reason)),
    fail: (reason) => host.fail(reason === undefined ? '' : String(reason)),
    get options() {
      if (options === undefined) options = deepFreeze(host.options());
      return options;
    },
  });
  const vu = Object.freeze({
    get iterationInInstance() { return host.vuIterationInInstance(); },
    get iterationInScenario() { return host.vuIterationInScenario(); },
    get idInInstance() { return host.vuIdInInstance(); },
    get idInTest() { return host.vuIdInTest(); },
    get tags() { return tags; },
    metrics: Object.freeze({ tags, metadata }),
  });

  return { instance, scenario, test, vu };
})
