package dev.k6j.testbed.grpc;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import dev.k6j.testbed.grpc.proto.EchoOuterClass;
import dev.k6j.testbed.grpc.proto.EchoReply;
import dev.k6j.testbed.grpc.proto.EchoRequest;
import dev.k6j.testbed.grpc.proto.EchoSummary;
import dev.k6j.testbed.grpc.proto.StreamRequest;
import dev.k6j.testbed.grpc.proto.Values;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import io.grpc.protobuf.ProtoServiceDescriptorSupplier;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code k6j.testbed.Echo} (testbed/src/main/proto/k6j/testbed/echo.proto): one method of each call kind, for k6j's
 * gRPC tests and examples. Delays run on a scheduler, never by blocking a server thread.
 */
final class EchoService {

    static final String NAME = "k6j.testbed.Echo";

    private final ScheduledExecutorService scheduler;

    EchoService(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** The service with its methods and the descriptors that server reflection serves. */
    ServerServiceDefinition definition() {
        MethodDescriptor<EchoRequest, EchoReply> unary =
                method("Unary", MethodDescriptor.MethodType.UNARY, EchoRequest.getDefaultInstance(), EchoReply.getDefaultInstance());
        MethodDescriptor<Values, Values> values =
                method("EchoValues", MethodDescriptor.MethodType.UNARY, Values.getDefaultInstance(), Values.getDefaultInstance());
        MethodDescriptor<StreamRequest, EchoReply> serverStream = method("ServerStream",
                MethodDescriptor.MethodType.SERVER_STREAMING, StreamRequest.getDefaultInstance(), EchoReply.getDefaultInstance());
        MethodDescriptor<EchoRequest, EchoSummary> clientStream = method("ClientStream",
                MethodDescriptor.MethodType.CLIENT_STREAMING, EchoRequest.getDefaultInstance(), EchoSummary.getDefaultInstance());
        MethodDescriptor<EchoRequest, EchoReply> bidi = method("Bidi",
                MethodDescriptor.MethodType.BIDI_STREAMING, EchoRequest.getDefaultInstance(), EchoReply.getDefaultInstance());
        ServiceDescriptor service = ServiceDescriptor.newBuilder(NAME)
                .setSchemaDescriptor(new Schema(null))
                .addMethod(unary).addMethod(values).addMethod(serverStream).addMethod(clientStream).addMethod(bidi)
                .build();
        return ServerServiceDefinition.builder(service)
                .addMethod(unary, ServerCalls.asyncUnaryCall(this::unary))
                .addMethod(values, ServerCalls.asyncUnaryCall(EchoService::echoValues))
                .addMethod(serverStream, ServerCalls.asyncServerStreamingCall(this::serverStream))
                .addMethod(clientStream, ServerCalls.asyncClientStreamingCall(EchoService::clientStream))
                .addMethod(bidi, ServerCalls.asyncBidiStreamingCall(EchoService::bidi))
                .build();
    }

    private void unary(EchoRequest request, StreamObserver<EchoReply> replies) {
        EchoReply reply = EchoReply.newBuilder().setMessage(request.getMessage())
                .putAllMetadata(CallMetadata.received()).build();
        Runnable answer = () -> {
            if (request.getFailCode() != 0) {
                replies.onError(failure(request.getFailCode(), request.getFailMessage()));
            } else {
                replies.onNext(reply);
                replies.onCompleted();
            }
        };
        later(request.getDelayMs(), answer);
    }

    private static void echoValues(Values request, StreamObserver<Values> replies) {
        replies.onNext(request);
        replies.onCompleted();
    }

    private void serverStream(StreamRequest request, StreamObserver<EchoReply> replies) {
        sendFrom(0, request, replies);
    }

    private void sendFrom(int index, StreamRequest request, StreamObserver<EchoReply> replies) {
        if (index >= request.getCount()) {
            if (request.getFailCode() != 0) {
                replies.onError(failure(request.getFailCode(), "failed after " + index + " replies"));
            } else {
                replies.onCompleted();
            }
            return;
        }
        replies.onNext(EchoReply.newBuilder().setMessage(request.getMessage()).setIndex(index).build());
        later(request.getIntervalMs(), () -> sendFrom(index + 1, request, replies));
    }

    private static StreamObserver<EchoRequest> clientStream(StreamObserver<EchoSummary> summary) {
        List<String> messages = new ArrayList<>();
        return new StreamObserver<>() {
            @Override
            public void onNext(EchoRequest request) {
                messages.add(request.getMessage());
            }

            @Override
            public void onError(Throwable t) {
                // the client went away: nothing to answer
            }

            @Override
            public void onCompleted() {
                summary.onNext(EchoSummary.newBuilder().setCount(messages.size()).setJoined(String.join(",", messages)).build());
                summary.onCompleted();
            }
        };
    }

    private static StreamObserver<EchoRequest> bidi(StreamObserver<EchoReply> replies) {
        return new StreamObserver<>() {
            private int index;

            @Override
            public void onNext(EchoRequest request) {
                if (request.getFailCode() != 0) {
                    replies.onError(failure(request.getFailCode(), request.getFailMessage()));
                    return;
                }
                replies.onNext(EchoReply.newBuilder().setMessage(request.getMessage()).setIndex(index++).build());
            }

            @Override
            public void onError(Throwable t) {
                // the client went away: nothing to answer
            }

            @Override
            public void onCompleted() {
                replies.onCompleted();
            }
        };
    }

    private void later(int delayMillis, Runnable task) {
        if (delayMillis <= 0) {
            task.run();
        } else {
            scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private static RuntimeException failure(int code, String message) {
        return Status.fromCodeValue(code).withDescription(message.isEmpty() ? "failed as asked" : message).asRuntimeException();
    }

    private static <ReqT extends Message, RespT extends Message> MethodDescriptor<ReqT, RespT> method(
            String name, MethodDescriptor.MethodType type, ReqT request, RespT response) {
        return MethodDescriptor.<ReqT, RespT>newBuilder()
                .setType(type)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(NAME, name))
                .setRequestMarshaller(ProtoUtils.marshaller(request))
                .setResponseMarshaller(ProtoUtils.marshaller(response))
                .setSchemaDescriptor(new Schema(name))
                .build();
    }

    /** Points server reflection at echo.proto (and, for a method, at that method). */
    private record Schema(String methodName) implements ProtoServiceDescriptorSupplier, ProtoMethodDescriptorSupplier {

        @Override
        public Descriptors.FileDescriptor getFileDescriptor() {
            return EchoOuterClass.getDescriptor();
        }

        @Override
        public Descriptors.ServiceDescriptor getServiceDescriptor() {
            return getFileDescriptor().findServiceByName("Echo");
        }

        @Override
        public Descriptors.MethodDescriptor getMethodDescriptor() {
            return getServiceDescriptor().findMethodByName(methodName);
        }
    }
}
