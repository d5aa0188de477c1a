package dev.k6j.modules.grpc;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.k6j.spi.EventLoop;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.TlsSettings;
import dev.k6j.spi.Vu;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * The Java side of one script {@code Client} ({@code grpc.js} wraps it): the methods it knows, its connection, and
 * its calls. Owned by one VU's thread; calls finish on grpc-java threads and come back through the event loop.
 */
public final class GrpcClient {

    private final Vu vu;
    private final GrpcModule.Shared shared;
    private final ScriptValues values;
    private final MethodRegistry methods = new MethodRegistry();
    private final ClientTls tlsContexts = new ClientTls();
    private Connection connection;

    GrpcClient(Vu vu, GrpcModule.Shared shared, ScriptValues values) {
        this.vu = vu;
        this.shared = shared;
        this.values = values;
    }

    /** {@code client.load(importPaths, ...protoFiles)}: init context only. */
    @HostAccess.Export
    public Value load(Value importPaths, Value protoFiles) {
        return run(() -> {
            if (!vu.state().inInitStage()) {
                throw new GrpcException("load must be called in the init context");
            }
            List<String> paths = strings(importPaths, "importPaths");
            List<String> files = strings(protoFiles, "protoFiles");
            List<FileDescriptor> descriptors = shared.parsed("load " + paths + " " + files,
                    () -> FileDescriptors.build(new ProtoFileParser(paths, this::readScriptFile).parse(files)));
            return vu.toJs(methods.add(descriptors));
        });
    }

    /** {@code client.loadProtoset(path)}: a serialized FileDescriptorSet; init context only. */
    @HostAccess.Export
    public Value loadProtoset(String path) {
        return run(() -> {
            if (!vu.state().inInitStage()) {
                throw new GrpcException("load must be called in the init context");
            }
            List<FileDescriptor> descriptors = shared.parsed("protoset " + path, () -> {
                byte[] bytes = readScriptFile(path);
                if (bytes == null) {
                    throw new GrpcException("couldn't open protoset: open " + path + ": no such file or directory");
                }
                try {
                    return FileDescriptors.build(FileDescriptorSet.parseFrom(bytes).getFileList());
                } catch (InvalidProtocolBufferException e) {
                    throw new GrpcException("couldn't unmarshal protoset file " + path + ": " + e.getMessage());
                }
            });
            return vu.toJs(methods.add(descriptors));
        });
    }

    /** {@code client.connect(address, params)}: dials and waits, then loads the descriptors by reflection if asked. */
    @HostAccess.Export
    public boolean connect(String address, Value params) {
        return run(() -> {
            if (vu.state().inInitStage()) {
                throw new GrpcException("connecting to a gRPC server in the init context is not supported");
            }
            ConnectParams connect;
            try {
                connect = ConnectParams.from(vu.fromJs(params));
            } catch (GrpcException e) {
                throw new GrpcException("invalid grpc.connect() parameters: " + e.getMessage());
            }
            Connection opened = Connection.open(address, connect, tlsContexts,
                    connect.plaintext() ? TlsSettings.DEFAULTS : tls(), userAgent());
            if (connection != null) {
                connection.close();
            }
            connection = opened;
            if (connect.reflect()) {
                methods.add(FileDescriptors.build(
                        ServerReflection.fetch(opened.channel(), connect.reflectMetadata(), connect.timeout())));
            }
            return true;
        });
    }

    /** {@code client.invoke(url, request, params)}: a unary call that blocks the VU until it finishes. */
    @HostAccess.Export
    public Value invoke(String url, Value requestJson, Value params) {
        return run(() -> {
            Prepared prepared = prepare(url, requestJson, params, "client.invoke()");
            CompletableFuture<CallResult> result = prepared.start();
            try {
                return values.response(result.get());
            } catch (InterruptedException e) {
                result.cancel(true);
                Thread.currentThread().interrupt();
                throw new GrpcException("the call to " + prepared.url() + " was interrupted");
            } catch (ExecutionException e) {
                throw new GrpcException(String.valueOf(e.getCause().getMessage()));
            }
        });
    }

    /**
     * {@code client.asyncInvoke(url, request, params)}: {@code grpc.js} makes the promise and hands over its resolve
     * function and a reject function that takes an error message.
     */
    @HostAccess.Export
    public void asyncInvoke(String url, Value requestJson, Value params, Value resolve, Value reject) {
        Prepared prepared;
        try {
            prepared = prepare(url, requestJson, params, "client.asyncInvoke()");
        } catch (GrpcException e) {
            reject.execute(e.getMessage());
            return;
        }
        EventLoop.Callback callback = vu.eventLoop().register();
        prepared.start().whenComplete((result, error) -> callback.complete(() -> {
            if (error != null) {
                reject.execute(String.valueOf(error.getMessage()));
            } else {
                resolve.execute(values.response(result));
            }
        }));
    }

    /** {@code client.healthCheck(service)}: the gRPC health-checking protocol. */
    @HostAccess.Export
    public Value healthCheck(Value service) {
        return run(() -> {
            Connection connected = connected("health checks");
            String name = service == null || service.isNull() ? "" : service.asString();
            String url = "/grpc.health.v1.Health/Check";
            TagSet tags = GrpcMetrics.tags(vu, connected.address(), url, Map.of());
            long start = System.nanoTime();
            try {
                HealthCheckResponse response = HealthGrpc.newBlockingStub(connected.channel())
                        .withDeadlineAfter(UnaryCall.DEFAULT_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)
                        .check(HealthCheckRequest.newBuilder().setService(name).build());
                shared.metrics().requestDone(vu, tags, 0, start);
                int status = response.getStatusValue();
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("status", status);
                result.put("Status", status);
                result.put("message", Map.of("status", status));
                return vu.toJs(result);
            } catch (StatusRuntimeException e) {
                shared.metrics().requestDone(vu, tags, e.getStatus().getCode().value(), start);
                throw new GrpcException("health check of \"" + name + "\" failed: " + e.getStatus().getCode() + ": "
                        + StatusMessages.describe(e.getStatus()));
            }
        });
    }

    /** {@code client.close()}: closes the connection; calls still running fail. */
    @HostAccess.Export
    public void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    /** Opens a stream for {@code new Stream(client, url, params)}. VU thread. */
    GrpcStream stream(String url, Value params) {
        return run(() -> {
            Connection connected = connected("streams");
            MethodDescriptor method = methods.method(url);
            CallParams call = callParams(params, "GRPC Stream's");
            TagSet tags = GrpcMetrics.tags(vu, connected.address(), MethodRegistry.url(method), call.tags());
            return GrpcStream.open(values, connected, method, call, tags, shared.metrics(), methods.types());
        });
    }

    private record Prepared(String url, UnaryCall call, Connection connection, TagSet tags, Vu vu, GrpcMetrics metrics) {

        CompletableFuture<CallResult> start() {
            long begin = System.nanoTime();
            return call.start(connection, result -> metrics.requestDone(vu, tags, result.status(), begin));
        }
    }

    private Prepared prepare(String url, Value requestJson, Value params, String what) {
        if (vu.state().inInitStage()) {
            throw new GrpcException("invoking RPC methods in the init context is not supported");
        }
        Connection connected = connected("calls");
        MethodDescriptor method = methods.method(url);
        CallParams call = callParams(params, "GRPC's " + what);
        if (requestJson == null || requestJson.isNull()) {
            throw new GrpcException("request cannot be nil");
        }
        DynamicMessage request = JsonMessages.parse(requestJson.asString(), method.getInputType(), methods.types());
        String methodUrl = MethodRegistry.url(method);
        TagSet tags = GrpcMetrics.tags(vu, connected.address(), methodUrl, call.tags());
        return new Prepared(methodUrl, new UnaryCall(method, request, call, methods.types()), connected, tags, vu,
                shared.metrics());
    }

    private CallParams callParams(Value params, String what) {
        try {
            return CallParams.from(vu.fromJs(params));
        } catch (GrpcException e) {
            throw new GrpcException("invalid " + what + " parameters: " + e.getMessage());
        }
    }

    private Connection connected(String what) {
        if (connection == null) {
            throw new GrpcException("no gRPC connection, you must call connect first");
        }
        return connection;
    }

    private TlsSettings tls() {
        try {
            return vu.testRun().tls();
        } catch (IllegalArgumentException e) {
            throw new GrpcException(e.getMessage());
        }
    }

    private String userAgent() {
        Object configured = vu.testRun().options().get("userAgent");
        return configured instanceof String text && !text.isEmpty() ? text : "k6j (grpc-java)";
    }

    /** Reads a file the way the script's {@code open(path, 'b')} does: relative to the script, cached per run. */
    private byte[] readScriptFile(String path) {
        try {
            Value content = vu.context().getBindings("js").getMember("open").execute(path, "b");
            return (byte[]) vu.fromJs(content);
        } catch (PolyglotException e) {
            if (String.valueOf(e.getMessage()).contains("no such file or directory")) {
                return null;
            }
            throw new GrpcException(e.getMessage());
        }
    }

    private static List<String> strings(Value list, String what) {
        List<String> strings = new ArrayList<>();
        if (list == null || list.isNull()) {
            return strings;
        }
        if (!list.hasArrayElements()) {
            throw new GrpcException(what + " must be an array of strings");
        }
        for (long i = 0; i < list.getArraySize(); i++) {
            Value item = list.getArrayElement(i);
            if (!item.isString()) {
                throw new GrpcException(what + " must be an array of strings, got " + item);
            }
            strings.add(item.asString());
        }
        return strings;
    }

    private <T> T run(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (GrpcException e) {
            throw vu.jsError("Error", e.getMessage());
        }
    }
}
