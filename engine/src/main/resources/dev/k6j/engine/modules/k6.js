// The k6 module. `host` is K6Module.Host.
(function (host) {
  function check(value, sets, tags) {
    if (sets === null || typeof sets !== 'object') {
      throw new TypeError('check() needs an object of named checks as its second argument');
    }
    let passed = true;
    for (const name of Object.keys(sets)) {
      const predicate = sets[name];
      const result = typeof predicate === 'function' ? predicate(value) : predicate;
      const ok = !!result;
      host.check(name, ok, tags === undefined ? null : tags);
      if (!ok) passed = false;
    }
    return passed;
  }

  function group(name, fn) {
    if (typeof fn !== 'function') throw new TypeError('group() needs a function as its second argument');
    const previous = host.enterGroup(String(name));
    const start = host.now();
    try {
      return fn();
    } finally {
      host.exitGroup(previous, start);
    }
  }

  function sleep(seconds) {
    host.sleep(Number(seconds));
  }

  function fail(message) {
    throw new Error(message === undefined ? 'fail() was called' : String(message));
  }

  // k6 makes Math.random repeatable once seeded; mulberry32 is small and good enough for test data.
  function randomSeed(seed) {
    let state = Number(seed) >>> 0;
    Math.random = function random() {
      state = (state + 0x6D2B79F5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  return { check, group, sleep, fail, randomSeed };
})
