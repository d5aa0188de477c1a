// k6/net/grpc (k6/x/grpc) for one VU. `host` is GrpcModule.Host; the Java objects behind Client and Stream are
// GrpcClient and GrpcStream. Messages cross as JSON text (the protobuf JSON mapping).
(function (host) {
  // NaN and the infinities have no JSON number: the protobuf JSON mapping spells them as strings, as k6 does.
  const replacer = (key, value) => {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
    }
    return value;
  };
  const toJson = (message) => (message === undefined || message === null ? null : JSON.stringify(message, replacer));

  const clients = new WeakMap();
  const javaClient = (client) => {
    const java = client !== null && typeof client === 'object' ? clients.get(client) : undefined;
    if (java === undefined) throw new Error('invalid GRPC Stream\'s client: not a gRPC client');
    return java;
  };

  class Client {
    constructor() {
      clients.set(this, host.newClient());
    }
    load(importPaths, ...protoFiles) {
      return clients.get(this).load(importPaths ?? null, protoFiles);
    }
    loadProtoset(protosetPath) {
      return clients.get(this).loadProtoset(String(protosetPath));
    }
    connect(address, params) {
      return clients.get(this).connect(String(address), params ?? null);
    }
    invoke(url, request, params) {
      return clients.get(this).invoke(String(url ?? ''), toJson(request), params ?? null);
    }
    asyncInvoke(url, request, params) {
      const java = clients.get(this);
      return new Promise((resolve, reject) => {
        let json;
        try {
          json = toJson(request);
        } catch (e) {
          reject(e);
          return;
        }
        java.asyncInvoke(String(url ?? ''), json, params ?? null, resolve, (message) => reject(new Error(message)));
      });
    }
    healthCheck(service) {
      return clients.get(this).healthCheck(service === undefined || service === null ? null : String(service));
    }
    close() {
      clients.get(this).close();
    }
  }

  const streams = new WeakMap();
  class Stream {
    constructor(client, url, params) {
      streams.set(this, host.newStream(javaClient(client), String(url ?? ''), params ?? null));
    }
    on(event, listener) {
      streams.get(this).on(String(event), listener);
    }
    write(message) {
      streams.get(this).write(toJson(message));
    }
    end() {
      streams.get(this).end();
    }
  }

  return { Client, Stream };
})
