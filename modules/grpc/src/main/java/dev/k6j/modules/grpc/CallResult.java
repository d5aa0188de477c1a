package dev.k6j.modules.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.ErrorDetailsProto;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import java.util.Map;

/**
 * What one finished call gave, as plain Java data made on a grpc-java thread: k6's response fields with the message
 * and error still as JSON text (they become JavaScript objects on the VU thread).
 *
 * @param status      the gRPC status code
 * @param messageJson the response message in the JSON mapping, or {@code null} (discarded, or none received)
 * @param headers     response headers
 * @param trailers    response trailers
 * @param errorJson   for a status other than OK, {@code google.rpc.Status} in JSON ({@code code, message,
 *                    details}); otherwise {@code null}
 */
record CallResult(int status, String messageJson, Map<String, List<String>> headers,
                  Map<String, List<String>> trailers, String errorJson) {

    private static final JsonFormat.TypeRegistry ERROR_DETAILS = JsonFormat.TypeRegistry.newBuilder()
            .add(ErrorDetailsProto.getDescriptor().getMessageTypes()).build();

    /** The result of a call that closed with {@code status}. */
    static CallResult of(Status status, String messageJson, Metadata headers, Metadata trailers,
                         JsonFormat.TypeRegistry types) {
        return new CallResult(status.getCode().value(), messageJson, RequestMetadata.toMap(headers),
                RequestMetadata.toMap(trailers), status.isOk() ? null : errorJson(status, trailers, types));
    }

    /** {@code google.rpc.Status} of a failed call as JSON, with rich details from {@code grpc-status-details-bin}. */
    static String errorJson(Status status, Metadata trailers, JsonFormat.TypeRegistry types) {
        com.google.rpc.Status proto = StatusProto.fromStatusAndTrailers(
                status.withDescription(StatusMessages.describe(status)), trailers);
        if (proto.getCode() != status.getCode().value()) {
            proto = proto.toBuilder().setCode(status.getCode().value()).build();
        }
        try {
            return JsonFormat.printer().usingTypeRegistry(registryFor(proto, types)).alwaysPrintFieldsWithNoPresence()
                    .omittingInsignificantWhitespace().print(proto);
        } catch (InvalidProtocolBufferException unknownDetail) {
            // a detail of a type nobody loaded: the code and message still tell what happened
            return "{\"code\":" + proto.getCode() + ",\"message\":" + quote(proto.getMessage()) + ",\"details\":[]}";
        }
    }

    private static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private static JsonFormat.TypeRegistry registryFor(com.google.rpc.Status proto, JsonFormat.TypeRegistry types) {
        if (proto.getDetailsCount() == 0) {
            return types;
        }
        JsonFormat.TypeRegistry.Builder builder = JsonFormat.TypeRegistry.newBuilder();
        for (Any detail : proto.getDetailsList()) {
            String name = detail.getTypeUrl().substring(detail.getTypeUrl().lastIndexOf('/') + 1);
            var descriptor = types.find(name);
            if (descriptor == null) {
                descriptor = ERROR_DETAILS.find(name);
            }
            if (descriptor != null) {
                builder.add(descriptor);
            }
        }
        return builder.build();
    }
}
