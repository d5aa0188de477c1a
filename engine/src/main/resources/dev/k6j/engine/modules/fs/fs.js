// The k6/experimental/fs module. `host` is FsModule.Host; a File keeps its Java FsFile out of the script's reach.
(function (host) {
  class FSError extends Error {
    constructor(name, message) {
      super(message);
      Object.defineProperty(this, 'name', { value: name, writable: true, configurable: true });
    }
  }
  const fail = (name, message) => Promise.reject(new FSError(name, message));
  const SeekMode = Object.freeze({ Start: 0, Current: 1, End: 2 });
  const files = new WeakMap();
  let opening = false;

  class File {
    constructor() {
      if (!opening) throw new TypeError('File objects come from open()');
    }
    read(into) {
      if (into === undefined || into === null) return fail('TypeError', 'read() failed; reason: into argument cannot be null or undefined');
      if (!(into instanceof Uint8Array)) return fail('TypeError', 'read() failed; reason: into argument must be a Uint8Array');
      const chunk = host.read(files.get(this), into.length);
      if (chunk === null) return Promise.resolve(null);
      into.set(new Uint8Array(chunk));
      return Promise.resolve(chunk.byteLength);
    }
    seek(offset, whence) {
      if (typeof offset !== 'number') return fail('TypeError', 'seek() failed; reason: the offset argument must be a number');
      if (![0, 1, 2].includes(whence)) return fail('TypeError', 'seek() failed; reason: the whence argument must be a SeekMode');
      const problem = host.seek(files.get(this), Math.trunc(offset), whence);
      if (problem !== null) return fail('TypeError', 'seek() failed; reason: ' + problem);
      return Promise.resolve(host.position(files.get(this)));
    }
    stat() {
      const file = files.get(this);
      return Promise.resolve(Object.freeze({ name: host.name(file), size: host.size(file) }));
    }
  }

  function open(path) {
    if (!host.initStage()) {
      return fail('ForbiddenError', 'open() failed; reason: opening a file is allowed only in the Init context');
    }
    if (path === undefined || path === null) return fail('TypeError', 'open() failed; reason: path cannot be null or undefined');
    if (String(path) === '') return fail('TypeError', 'open() failed; reason: path cannot be empty');
    const absolute = host.resolve(String(path));
    const kind = host.kind(absolute);
    if (kind === 'missing') return fail('NotFoundError', `no such file or directory "${absolute}"`);
    if (kind === 'directory') return fail('InvalidResourceError', `cannot open "${absolute}": opening a directory is not supported`);
    try {
      opening = true;
      const file = new File();
      files.set(file, host.open(absolute));
      Object.defineProperty(file, 'path', { value: absolute, enumerable: true });
      return Promise.resolve(file);
    } catch (e) {
      return Promise.reject(e);
    } finally {
      opening = false;
    }
  }

  return { open, SeekMode, FSError, File };
})
