package dev.k6j.modules.grpc;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Wire bytes to and from {@link DynamicMessage}s of one type, so calls need no generated code. With
 * {@code discard}, received messages are read and dropped ({@code discardResponseMessage}). Thread-safe.
 */
record DynamicMarshaller(Descriptor type, boolean discard) implements MethodDescriptor.Marshaller<DynamicMessage> {

    @Override
    public InputStream stream(DynamicMessage message) {
        return message.toByteString().newInput();
    }

    @Override
    public DynamicMessage parse(InputStream stream) {
        try {
            if (discard) {
                stream.transferTo(OutputStream.nullOutputStream());
                return null;
            }
            return DynamicMessage.parseFrom(type, stream);
        } catch (IOException e) {
            throw Status.INTERNAL.withDescription("cannot decode a " + type.getFullName() + ": " + e.getMessage())
                    .withCause(e).asRuntimeException();
        }
    }

    /** A grpc-java method descriptor for calling {@code method} with dynamic messages. */
    static MethodDescriptor<DynamicMessage, DynamicMessage> method(
            com.google.protobuf.Descriptors.MethodDescriptor method, boolean discardResponses) {
        MethodDescriptor.MethodType type = method.isClientStreaming()
                ? (method.isServerStreaming() ? MethodDescriptor.MethodType.BIDI_STREAMING
                        : MethodDescriptor.MethodType.CLIENT_STREAMING)
                : (method.isServerStreaming() ? MethodDescriptor.MethodType.SERVER_STREAMING
                        : MethodDescriptor.MethodType.UNARY);
        return MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
                .setType(type)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(
                        method.getService().getFullName(), method.getName()))
                .setRequestMarshaller(new DynamicMarshaller(method.getInputType(), false))
                .setResponseMarshaller(new DynamicMarshaller(method.getOutputType(), discardResponses))
                .build();
    }
}
