// The k6/encoding module. `host` is EncodingModule.Host.
(function (host) {
  const text = (value) => (value === undefined || value === null ? '' : String(value));
  function b64encode(input, encoding) {
    return host.encode(typeof input === 'string' ? input : input, text(encoding));
  }
  function b64decode(input, encoding, format) {
    return host.decode(String(input), text(encoding), text(format));
  }
  return { b64encode, b64decode };
})
