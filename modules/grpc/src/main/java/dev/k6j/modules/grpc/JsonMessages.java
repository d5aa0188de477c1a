package dev.k6j.modules.grpc;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;

/**
 * Messages to and from the protobuf JSON mapping, as k6 shows them to scripts: 64-bit integers as strings, bytes in
 * base64, enums by name, well-known types in their JSON forms, fields without presence printed even when they
 * hold the default, and unset fields with presence as {@code null} ({@link UnpopulatedFields}). Stateless and
 * thread-safe.
 */
final class JsonMessages {

    private JsonMessages() {
    }

    /**
     * The message {@code json} describes.
     *
     * @throws GrpcException with k6's message when the JSON does not fit the type
     */
    static DynamicMessage parse(String json, Descriptor type, JsonFormat.TypeRegistry types) {
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
        try {
            JsonFormat.parser().usingTypeRegistry(types).merge(json, builder);
            return builder.build();
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new GrpcException("unable to serialise request object to protocol buffer: " + e.getMessage());
        }
    }

    /**
     * The JSON of a message.
     *
     * @throws GrpcException when the message holds something JSON cannot express (an {@code Any} of an unknown type)
     */
    static String print(MessageOrBuilder message, JsonFormat.TypeRegistry types) {
        try {
            return UnpopulatedFields.withNulls(message, JsonFormat.printer().usingTypeRegistry(types)
                    .alwaysPrintFieldsWithNoPresence().omittingInsignificantWhitespace().print(message));
        } catch (InvalidProtocolBufferException e) {
            throw new GrpcException("unable to convert response object to JSON: " + e.getMessage());
        }
    }
}
