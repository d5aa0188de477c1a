// The k6/http module. `host` is dev.k6j.engine.modules.http.HttpHost: it parses requests, runs them and returns k6's
// Response objects (dev.k6j.engine.modules.http.Response), which read their fields from Java as the script uses them.
(function (host) {
  const hidden = (object, name, value) => Object.defineProperty(object, name, { value, enumerable: false });

  // ---- res.json(selector): k6's gjson paths for the common cases ------------------------------------------------
  const splitPath = (path) => {
    const parts = [];
    let current = '';
    for (let i = 0; i < path.length; i++) {
      const c = path[i];
      if (c === '\\' && i + 1 < path.length) {
        current += path[++i];
      } else if (c === '.') {
        parts.push(current);
        current = '';
      } else {
        current += c;
      }
    }
    parts.push(current);
    return parts;
  };
  const wildcard = (pattern) => new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  const select = (value, parts) => {
    let current = value;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (current === null || current === undefined || typeof current !== 'object') return undefined;
      if (Array.isArray(current)) {
        if (part === '#') {
          if (i === parts.length - 1) return current.length;
          const rest = parts.slice(i + 1);
          return current.map((item) => select(item, rest)).filter((item) => item !== undefined);
        }
        if (!/^\d+$/.test(part)) return undefined;
        current = current[Number(part)];
        continue;
      }
      if (/[*?]/.test(part)) {
        const re = wildcard(part);
        const key = Object.keys(current).find((k) => re.test(k));
        if (key === undefined) return undefined;
        current = current[key];
        continue;
      }
      if (!Object.prototype.hasOwnProperty.call(current, part)) return undefined;
      current = current[part];
    }
    return current;
  };

  const bodyText = (body) => {
    if (typeof body === 'string') return body;
    if (body instanceof ArrayBuffer) return host.utf8(body);
    return body;
  };

  // k6j reads no stapled OCSP responses, so every response has the same answer (shared, frozen).
  const NO_OCSP = Object.freeze({ produced_at: 0, this_update: 0, next_update: 0, revoked_at: 0,
    revocation_reason: '', status: 'unknown' });

  // A response is a dev.k6j.engine.modules.http.Response: Java reads its fields from the request's outcome when the script
  // reads them, and asks these functions for the parts done in JavaScript.
  host.useResponseGlue({
    parse: (text) => JSON.parse(text),
    json: (body) => {
      if (body === null || body === undefined) {
        throw new Error("the body is null so we can't transform it to JSON - this likely was because of a "
          + 'request error getting the response');
      }
      try {
        return JSON.parse(bodyText(body));
      } catch (e) {
        throw new SyntaxError('cannot parse the response body as JSON: ' + e.message);
      }
    },
    select: (value, selector) => select(value, splitPath(String(selector))),
    // The body as a k6/html Selection (the VU's own k6/html module), optionally narrowed to a selector; relative
    // links resolve against the response's URL, as in k6.
    html: (body, url, selector) => {
      const doc = globalThis.__k6j_module('k6/html').default.parseHTML(typeof body === 'string' ? body : '', url);
      return selector === undefined || selector === null ? doc : doc.find(String(selector));
    },
    unsupported: (method) => {
      const what = method === 'clickLink' ? 'the link with res.html() and call http.get()'
        : 'the form with res.html() and call http.post()';
      throw new Error(`res.${method}() is not in k6j yet: read ${what}`);
    },
    string: (text) => text,
    ocsp: NO_OCSP,
  });

  // ---- URLs, files, jars --------------------------------------------------------------------------------------
  class URLTemplate {
    constructor(name, url) {
      this.name = name;
      this.url = url;
      hidden(this, '__k6jUrl', true);
    }

    toString() {
      return this.url;
    }
  }

  function url(strings, ...values) {
    if (!Array.isArray(strings) || !strings.raw) {
      throw new TypeError('http.url is a tagged template: http.url`https://host/items/${id}`');
    }
    let name = strings[0];
    let actual = strings[0];
    for (let i = 0; i < values.length; i++) {
      name += '${}' + strings[i + 1];
      actual += String(values[i]) + strings[i + 1];
    }
    return new URLTemplate(name, actual);
  }

  const urlArg = (value) => {
    if (typeof value === 'string' || value instanceof URLTemplate) return value;
    return value === undefined || value === null ? value : String(value);
  };

  class FileData {
    constructor(data, filename, contentType) {
      this.data = data;
      this.filename = filename;
      this.content_type = contentType;
      hidden(this, '__k6jFile', true);
    }
  }

  function file(data, filename, contentType) {
    if (data === undefined || data === null) throw new TypeError('http.file() needs data');
    return new FileData(data, filename === undefined ? String(Date.now() * 1000000) : String(filename),
      contentType === undefined ? 'application/octet-stream' : String(contentType));
  }

  const jars = host.jars(); // dev.k6j.engine.modules.http.CookieJars

  class CookieJar {
    constructor(handle) {
      hidden(this, '__k6jJar', handle === undefined ? jars.newJar() : handle);
    }

    cookiesForURL(url) {
      return jars.jarCookiesForUrl(this.__k6jJar, String(url));
    }

    set(url, name, value, options) {
      jars.jarSet(this.__k6jJar, String(url), String(name), String(value), options === undefined ? null : options);
    }

    clear(url) {
      jars.jarClear(this.__k6jJar, String(url));
    }

    delete(url, name) {
      jars.jarDelete(this.__k6jJar, String(url), String(name));
    }
  }
  let vuJar;
  function cookieJar() {
    const handle = jars.vuJar();
    if (vuJar === undefined) vuJar = new CookieJar(handle);
    return vuJar;
  }

  // ---- requests -----------------------------------------------------------------------------------------------
  const orNull = (value) => (value === undefined ? null : value);

  // `method` already upper-case.
  const send = (method, url, body, params) =>
    host.request(method, urlArg(url), body === undefined ? null : body, params === undefined ? null : params);

  function request(method, url, body, params) {
    return send(String(method).toUpperCase(), url, body, params);
  }

  function asyncRequest(method, url, body, params) {
    try {
      return host.asyncRequest(String(method).toUpperCase(), urlArg(url), orNull(body), orNull(params));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  const get = (url, params) => send('GET', url, null, params);
  const head = (url, params) => send('HEAD', url, null, params);
  const post = (url, body, params) => send('POST', url, body, params);
  const put = (url, body, params) => send('PUT', url, body, params);
  const patch = (url, body, params) => send('PATCH', url, body, params);
  const del = (url, body, params) => send('DELETE', url, body, params);
  const options = (url, body, params) => send('OPTIONS', url, body, params);

  const batchEntry = (key, entry) => {
    if (typeof entry === 'string' || entry instanceof URLTemplate) return ['GET', urlArg(entry), null, null];
    if (Array.isArray(entry)) {
      if (entry.length < 2) throw new Error(`invalid batch request '${JSON.stringify(entry)}'`);
      if (typeof entry[0] !== 'string') throw new Error(`invalid method type '${JSON.stringify(entry[0])}'`);
      return [entry[0].toUpperCase(), urlArg(entry[1]), orNull(entry[2]), orNull(entry[3])];
    }
    if (entry !== null && typeof entry === 'object') {
      if (!('url' in entry)) throw new Error(`batch request ${key} doesn't have a url key`);
      if (entry.method !== undefined && typeof entry.method !== 'string') {
        throw new Error(`invalid method type '${JSON.stringify(entry.method)}'`);
      }
      const method = entry.method === undefined ? 'GET' : entry.method.toUpperCase();
      const body = method === 'GET' || method === 'HEAD' ? null : orNull(entry.body);
      return [method, urlArg(entry.url), body, orNull(entry.params)];
    }
    throw new Error(`invalid batch request ${key}`);
  };

  function batch(requests, ...rest) {
    if (requests === undefined) throw new Error('no argument was provided to http.batch()');
    if (rest.length > 0) throw new Error('http.batch() accepts only an array or an object of requests');
    if (Array.isArray(requests)) {
      return host.batch(requests.map((entry, i) => batchEntry(i, entry)));
    }
    if (requests !== null && typeof requests === 'object') {
      const keys = Object.keys(requests);
      const results = host.batch(keys.map((key) => batchEntry(key, requests[key])));
      const out = {};
      keys.forEach((key, i) => { out[key] = results[i]; });
      return out;
    }
    throw new Error(`invalid http.batch() argument type ${typeof requests}`);
  }

  const expectedStatuses = (...statuses) => host.expectedStatuses(statuses);
  const setResponseCallback = (callback) => host.setResponseCallback(callback === undefined ? null : callback);

  const OCSP_REASON = Object.freeze({
    UNSPECIFIED: 'unspecified', KEY_COMPROMISE: 'key_compromise', CA_COMPROMISE: 'ca_compromise',
    AFFILIATION_CHANGED: 'affiliation_changed', SUPERSEDED: 'superseded',
    CESSATION_OF_OPERATION: 'cessation_of_operation', CERTIFICATE_HOLD: 'certificate_hold',
    REMOVE_FROM_CRL: 'remove_from_crl', PRIVILEGE_WITHDRAWN: 'privilege_withdrawn', AA_COMPROMISE: 'aa_compromise',
  });
  const OCSP_STATUS = Object.freeze({ GOOD: 'good', REVOKED: 'revoked', SERVER_FAILED: 'server_failed',
    UNKNOWN: 'unknown' });
  const TLS = Object.freeze({ TLS_1_0: 'tls1.0', TLS_1_1: 'tls1.1', TLS_1_2: 'tls1.2', TLS_1_3: 'tls1.3' });

  return {
    get, head, post, put, patch, del, options, request, asyncRequest, batch, file, cookieJar, CookieJar,
    expectedStatuses, setResponseCallback, url,
    OCSP_REASON_UNSPECIFIED: OCSP_REASON.UNSPECIFIED, OCSP_REASON_KEY_COMPROMISE: OCSP_REASON.KEY_COMPROMISE,
    OCSP_REASON_CA_COMPROMISE: OCSP_REASON.CA_COMPROMISE,
    OCSP_REASON_AFFILIATION_CHANGED: OCSP_REASON.AFFILIATION_CHANGED,
    OCSP_REASON_SUPERSEDED: OCSP_REASON.SUPERSEDED,
    OCSP_REASON_CESSATION_OF_OPERATION: OCSP_REASON.CESSATION_OF_OPERATION,
    OCSP_REASON_CERTIFICATE_HOLD: OCSP_REASON.CERTIFICATE_HOLD,
    OCSP_REASON_REMOVE_FROM_CRL: OCSP_REASON.REMOVE_FROM_CRL,
    OCSP_REASON_PRIVILEGE_WITHDRAWN: OCSP_REASON.PRIVILEGE_WITHDRAWN,
    OCSP_REASON_AA_COMPROMISE: OCSP_REASON.AA_COMPROMISE,
    OCSP_STATUS_GOOD: OCSP_STATUS.GOOD, OCSP_STATUS_REVOKED: OCSP_STATUS.REVOKED,
    OCSP_STATUS_SERVER_FAILED: OCSP_STATUS.SERVER_FAILED, OCSP_STATUS_UNKNOWN: OCSP_STATUS.UNKNOWN,
    TLS_1_0: TLS.TLS_1_0, TLS_1_1: TLS.TLS_1_1, TLS_1_2: TLS.TLS_1_2, TLS_1_3: TLS.TLS_1_3,
  };
})
