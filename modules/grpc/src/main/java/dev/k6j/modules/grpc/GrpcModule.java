package dev.k6j.modules.grpc;

import com.google.protobuf.Descriptors.FileDescriptor;
import dev.k6j.spi.GlueModule;
import dev.k6j.spi.Vu;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.graalvm.polyglot.Value;

/**
 * {@code k6/x/grpc}, also answering {@code k6/net/grpc}: k6's gRPC client API ({@code Client}, {@code Stream}, the
 * {@code Status*} and {@code HealthCheck*} constants) on grpc-java. The module parses each set of {@code .proto}
 * files or protoset once per test run and shares the descriptors with every VU; each VU gets its own clients,
 * connections and streams.
 *
 * <pre>{@code
 *  * const client = new grpc.Client();
 * client.load(['protos'], 'hello.proto');
 * export default () => {
 *   client.connect('127.0.0.1:16090', { plaintext: true });
 *   const res = client.invoke('hello.HelloService/SayHello', { greeting: 'k6j' });
 *   client.close();
 * };
 * }</pre>
 */
public final class GrpcModule extends GlueModule {

    public GrpcModule() {
        Map<String, List<FileDescriptor>> parsed = new ConcurrentHashMap<>();
        super("k6/x/grpc", List.of("k6/net/grpc"), "grpc.js",
                vu -> new Host(vu, new Shared(GrpcMetrics.register(vu.metrics()), parsed), new ScriptValues(vu)));
    }

    /** The {@code Status*} constants, beside the glue's exports. */
    @Override
    protected Map<String, Object> constants() {
        return StatusCodes.exports();
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
}
