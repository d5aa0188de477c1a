// The k6/secrets module. `host` is SecretsModule.Host. Lookups are asynchronous, as in k6.
(function (host) {
  const lookup = (source, key) => {
    try {
      if (key === undefined || key === null) throw new TypeError('a secret name is required');
      return host.get(source, String(key));
    } catch (e) {
      return Promise.reject(e);
    }
  };
  const get = (key) => lookup(null, key);
  const source = (name) => Object.freeze({ get: (key) => lookup(String(name), key) });
  return { get, source };
})
