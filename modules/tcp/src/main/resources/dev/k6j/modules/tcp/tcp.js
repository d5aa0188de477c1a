// k6/x/tcp: the JavaScript face of xk6-tcp's Socket over one Java TcpSocket per socket (TcpSockets.open).
// The glue owns what is JavaScript-shaped: the class, getters, `this` for chaining, the one handler per event,
// Error objects and promises. Java owns the connection and calls `deliver` on the VU thread only.
(function (sockets) {
    const EVENTS = ['connect', 'data', 'close', 'error', 'timeout'];

    function tcpError(method, message) {
        const error = new Error(message);
        error.name = 'TCPError';
        error.method = method;
        return error;
    }

    function orUndefined(value) {
        return value === null ? undefined : value;
    }

    function bytesOf(data) {
        if (typeof data === 'string' || data instanceof ArrayBuffer) {
            return data;
        }
        if (ArrayBuffer.isView(data)) {
            return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
        }
        return null;
    }

    class Socket {
        #native;
        #handlers = Object.create(null);

        constructor(options) {
            const handlers = this.#handlers;
            const deliver = (event, method, payload) => {
                const handler = handlers[event];
                if (event === 'error') {
                    payload = tcpError(method, payload);
                }
                if (handler !== undefined) {
                    handler(payload);
                }
                return payload;
            };
            this.#native = sockets.open(options === undefined ? null : options, deliver);
        }

        connect(portOrOptions, host) {
            return new Promise((resolve, reject) =>
                this.#native.connect(portOrOptions === undefined ? null : portOrOptions,
                    host === undefined ? null : host, resolve, reject));
        }

        write(data, options) {
            return new Promise((resolve, reject) =>
                this.#native.write(bytesOf(data), options === undefined ? null : options, resolve, reject));
        }

        setTimeout(timeout) {
            this.#native.setTimeout(Number(timeout));
            return this;
        }

        destroy(error) {
            this.#native.destroy(error === undefined || error === null ? null : String(error.message ?? error));
        }

        on(event, handler) {
            if (!EVENTS.includes(event)) {
                throw new TypeError(`unknown event '${event}': use one of ${EVENTS.join(', ')}`);
            }
            if (typeof handler !== 'function') {
                throw new TypeError(`the '${event}' handler must be a function`);
            }
            this.#handlers[event] = handler;
            return this;
        }

        get ready_state() { return this.#native.readyState(); }
        get connected() { return this.#native.connected(); }
        get local_ip() { return orUndefined(this.#native.localIp()); }
        get local_port() { return orUndefined(this.#native.localPort()); }
        get remote_ip() { return orUndefined(this.#native.remoteIp()); }
        get remote_port() { return orUndefined(this.#native.remotePort()); }
        get bytes_written() { return this.#native.bytesWritten(); }
        get bytes_read() { return this.#native.bytesRead(); }
    }

    return { Socket };
})
