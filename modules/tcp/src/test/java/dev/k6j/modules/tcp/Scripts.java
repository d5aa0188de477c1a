package dev.k6j.modules.tcp;

/** Script text the tests share. */
final class Scripts {

    /**
     * Imports {@code Socket} and defines {@code record(socket)}: it registers every handler, logs the events in
     * order ({@code connect}, {@code data:<bytes>}, {@code error:<name>:<method>:<message>}, {@code timeout},
     * {@code close}) and returns {@code {log, closed}}, {@code closed} settling with the log on {@code close}.
     */
    static final String PRELUDE = """
            import { Socket } from 'k6/x/tcp';
            function record(socket) {
                const log = [];
                const closed = new Promise((resolve) => socket.on('close', () => { log.push('close'); resolve(log); }));
                socket.on('connect', () => log.push('connect'));
                socket.on('data', (d) => log.push('data:' + d.byteLength));
                socket.on('error', (e) => log.push('error:' + e.name + ':' + e.method + ':' + e.message));
                socket.on('timeout', () => log.push('timeout'));
                return { log, closed };
            }
            """;

    private Scripts() {
    }
}
