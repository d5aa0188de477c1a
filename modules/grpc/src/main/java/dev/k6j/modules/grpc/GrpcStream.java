package dev.k6j.modules.grpc;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.util.JsonFormat;
import dev.k6j.spi.TagSet;
import dev.k6j.spi.VuTaskQueue;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * The Java side of one script {@code Stream} (client-, server- or bidirectional streaming): {@code on}, {@code write},
 * {@code end}. Messages arrive on grpc-java threads and are handed to the listeners on the VU thread through a
 * {@link VuTaskQueue}, which keeps the iteration alive until the stream has ended. Events, as in k6: {@code data} for
 * each message; when the server closes, {@code error} (if the status is not OK), then {@code status} (k6j: the
 * final status, {@code {code, message, details}}), then {@code end}.
 */
public final class GrpcStream {

    private static final List<String> EVENTS = List.of("data", "error", "status", "end");

    private final ScriptValues values;
    private final MethodDescriptor method;
    private final TagSet tags;
    private final GrpcMetrics metrics;
    private final JsonFormat.TypeRegistry types;
    private final Map<String, List<Value>> listeners = new LinkedHashMap<>();
    private final VuTaskQueue queue;
    private final ClientCall<DynamicMessage, DynamicMessage> call;
    private boolean writing = true;

    private GrpcStream(ScriptValues values, Connection connection, MethodDescriptor method, CallParams params,
                       TagSet tags, GrpcMetrics metrics, JsonFormat.TypeRegistry types) {
        this.values = values;
        this.method = method;
        this.tags = tags;
        this.metrics = metrics;
        this.types = types;
        this.queue = VuTaskQueue.keepingAlive(values.vu().eventLoop());
        this.call = connection.newCall(DynamicMarshaller.method(method, params.discardResponseMessage()), params.timeout());
        EVENTS.forEach(event -> listeners.put(event, new ArrayList<>()));
    }

    /** Opens the stream. VU thread. */
    static GrpcStream open(ScriptValues values, Connection connection, MethodDescriptor method, CallParams params,
                           TagSet tags, GrpcMetrics metrics, JsonFormat.TypeRegistry types) {
        GrpcStream stream = new GrpcStream(values, connection, method, params, tags, metrics, types);
        stream.start(params);
        return stream;
    }

    private void start(CallParams params) {
        long begin = System.nanoTime();
        boolean discard = params.discardResponseMessage();
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onMessage(DynamicMessage message) {
                metrics.count(values.vu(), metrics.messagesReceived(), tags);
                String json = discard ? null : JsonMessages.print(message, types);
                queue.execute(() -> fire("data", values.parse(json)));
                call.request(1);
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
                metrics.requestDone(values.vu(), tags, status.getCode().value(), begin);
                String error = CallResult.errorJson(status, trailers, types);
                queue.execute(() -> closed(status, error));
            }
        }, params.metadata());
        call.request(1);
        metrics.count(values.vu(), metrics.streams(), tags);
    }

    private void closed(Status status, String errorJson) {
        writing = false;
        if (!status.isOk()) {
            if (listeners.get("error").isEmpty()) {
                values.vu().logger().log(System.Logger.Level.WARNING, "no handlers for error registered, but an error "
                        + "happened: " + StatusMessages.describe(status));
            }
            fire("error", values.parse(errorJson));
        }
        fire("status", values.parse(errorJson));
        fire("end", values.vu().toJs(Map.of()));
        queue.close();
    }

    private void fire(String event, Value data) {
        for (Value listener : List.copyOf(listeners.get(event))) {
            try {
                listener.execute(data, values.eventMetadata());
            } catch (PolyglotException e) {
                // as k6: a listener that throws ends the stream; the error goes on to the iteration
                writing = false;
                queue.close();
                call.cancel("a stream listener threw: " + e.getMessage(), null);
                throw e;
            }
        }
    }

    /** {@code stream.on(event, handler)}: {@code data}, {@code error}, {@code status} or {@code end}. */
    @HostAccess.Export
    public void on(String event, Value handler) {
        if (handler == null || !handler.canExecute()) {
            throw values.vu().jsError("Error", "handler for \"" + event + "\" event isn't a callable function");
        }
        List<Value> list = listeners.get(event);
        if (list == null) {
            values.vu().logger().log(System.Logger.Level.WARNING, "can't register " + event
                    + " event handler: unknown GRPC stream's event type: " + event);
            return;
        }
        list.add(handler);
    }

    /** {@code stream.write(message)}: {@code grpc.js} passes the message as JSON ({@code null} for none). */
    @HostAccess.Export
    public void write(Value json) {
        if (!writing) {
            return;
        }
        if (json == null || json.isNull()) {
            values.vu().logger().log(System.Logger.Level.WARNING, "can't send empty message");
            return;
        }
        DynamicMessage message;
        try {
            message = JsonMessages.parse(json.asString(), method.getInputType(), types);
        } catch (GrpcException e) {
            // as k6: the stream fails and the error listeners hear why
            writing = false;
            call.cancel(e.getMessage(), null);
            return;
        }
        call.sendMessage(message);
        metrics.count(values.vu(), metrics.messagesSent(), tags);
    }

    /** {@code stream.end()}: the client is done sending (half-close); the server may still reply. */
    @HostAccess.Export
    public void end() {
        if (writing) {
            writing = false;
            call.halfClose();
        }
    }
}
