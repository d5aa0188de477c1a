package dev.k6j.modules.grpc;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.util.JsonFormat;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One unary call, started on the VU thread and finished on a grpc-java thread: the result is plain data (JSON text,
 * headers, trailers, status), turned into JavaScript later on the VU thread.
 *
 * @param method   the method called
 * @param request  the request message
 * @param params   metadata, timeout, whether to discard the response
 * @param types    message types for {@code Any} in the JSON mapping
 */
record UnaryCall(MethodDescriptor method, DynamicMessage request, CallParams params, JsonFormat.TypeRegistry types) {

    /** k6's default deadline of {@code invoke}. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    /**
     * Starts the call on {@code connection}; {@code finished} runs on the grpc-java thread that completes it, before
     * the returned future.
     */
    CompletableFuture<CallResult> start(Connection connection, Consumer<CallResult> finished) {
        CompletableFuture<CallResult> result = new CompletableFuture<>();
        ClientCall<DynamicMessage, DynamicMessage> call = connection.newCall(
                DynamicMarshaller.method(method, params.discardResponseMessage()),
                params.timeout() != null ? params.timeout() : DEFAULT_TIMEOUT);
        call.start(new ClientCall.Listener<>() {
            private Metadata headers;
            private DynamicMessage response;

            @Override
            public void onHeaders(Metadata received) {
                headers = received;
            }

            @Override
            public void onMessage(DynamicMessage message) {
                response = message;
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
                CallResult done;
                try {
                    done = CallResult.of(status, messageJson(), headers, trailers, types);
                } catch (RuntimeException e) {
                    done = CallResult.of(Status.INTERNAL.withDescription(e.getMessage()), null, headers, trailers, types);
                }
                finished.accept(done);
                result.complete(done);
            }

            private String messageJson() {
                if (params.discardResponseMessage()) {
                    return null;
                }
                // as k6, a failed call still shows the response type with its defaults
                return JsonMessages.print(response != null ? response
                        : DynamicMessage.getDefaultInstance(method.getOutputType()), types);
            }
        }, params.metadata());
        call.request(2);
        call.sendMessage(request);
        call.halfClose();
        result.whenComplete((done, error) -> {
            if (result.isCancelled()) {
                call.cancel("cancelled by the VU", null);
            }
        });
        return result;
    }
}
