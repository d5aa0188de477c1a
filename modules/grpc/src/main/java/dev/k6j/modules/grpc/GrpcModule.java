package dev.k6j.modules.grpc;

import com.google.protobuf.Descriptors.FileDescriptor;
import dev.k6j.spi.Exports;
import dev.k6j.spi.JsModule;
import dev.k6j.spi.ModuleInstance;
import dev.k6j.spi.Vu;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * {@code k6/x/grpc}, also answering {@code k6/net/grpc}: k6's gRPC client API ({@code Client}, {@code Stream}, the
 * {@code Status*} and {@code HealthCheck*} constants) on grpc-java. The module parses each set of {@code .proto}
 * files or protoset once per test run and shares the descriptors with every VU; each VU gets its own clients,
 * connections and streams.
 *
 * <pre>{@code
 * import grpc from 'k6/net/grpc';
 * const client = new grpc.Client();
 * client.load(['protos'], 'hello.proto');
 * export default () => {
 *   client.connect('127.0.0.1:9090', { plaintext: true });
 *   const res = client.invoke('hello.HelloService/SayHello', { greeting: 'k6j' });
 *   client.close();
 * };
 * }</pre>
 */
public final class GrpcModule implements JsModule {

    private final Source glue = Source.newBuilder("js", resource("grpc.js"), "k6j-grpc.js").cached(true)
            .buildLiteral();
    private final Map<String, List<FileDescriptor>> parsed = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "k6/x/grpc";
    }

    @Override
    public List<String> aliases() {
        return List.of("k6/net/grpc");
    }

    @Override
    public ModuleInstance newInstance(Vu vu) {
        Shared shared = new Shared(GrpcMetrics.register(vu.metrics()), parsed);
        ScriptValues values = new ScriptValues(vu);
        Value exports = vu.context().eval(glue).execute(new Host(vu, shared, values));
        Map<String, Object> named = new LinkedHashMap<>();
        for (String key : exports.getMemberKeys()) {
            named.put(key, exports.getMember(key));
        }
        named.putAll(StatusCodes.exports());
        return () -> Exports.of(named);
    }

    /**
     * What all clients of a run share: the metrics and the parsed descriptors. Thread-safe.
     *
     * @param metrics the module's metrics
     * @param parsed  descriptors by what was loaded ({@code load} paths and files, or a protoset path)
     */
    record Shared(GrpcMetrics metrics, Map<String, List<FileDescriptor>> parsed) {

        /** The descriptors loaded as {@code key}, parsing them with {@code parse} the first time. */
        List<FileDescriptor> parsed(String key, Supplier<List<FileDescriptor>> parse) {
            List<FileDescriptor> done = parsed.get(key);
            if (done == null) {
                done = parse.get();
                ConversionWarmUp.once(done);
                parsed.putIfAbsent(key, done);
            }
            return done;
        }
    }

    /** What {@code grpc.js} calls. One per VU, on its thread. */
    public static final class Host {

        private final Vu vu;
        private final Shared shared;
        private final ScriptValues values;

        Host(Vu vu, Shared shared, ScriptValues values) {
            this.vu = vu;
            this.shared = shared;
            this.values = values;
        }

        @org.graalvm.polyglot.HostAccess.Export
        public GrpcClient newClient() {
            return new GrpcClient(vu, shared, values);
        }

        @org.graalvm.polyglot.HostAccess.Export
        public GrpcStream newStream(Value client, String url, Value params) {
            if (client == null || !client.isHostObject() || !(client.asHostObject() instanceof GrpcClient grpcClient)) {
                throw vu.jsError("Error", "invalid GRPC Stream's client: not a gRPC client");
            }
            return grpcClient.stream(url, params);
        }
    }

    private static String resource(String name) {
        try (InputStream in = GrpcModule.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
