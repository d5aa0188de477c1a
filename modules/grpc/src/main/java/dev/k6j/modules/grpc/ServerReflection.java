package dev.k6j.modules.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code connect(addr, { reflect: true })}: asks the server's reflection service ({@code grpc.reflection.v1}) for its
 * services and the files that define them (with their imports), one question at a time on one stream. Blocks the
 * VU thread that calls it, as k6's connect does.
 */
final class ServerReflection {

    private static final Object END = new Object();

    private final LinkedBlockingQueue<Object> answers = new LinkedBlockingQueue<>();
    private final StreamObserver<ServerReflectionRequest> questions;
    private final long deadlineNanos;

    private ServerReflection(ManagedChannel channel, Metadata metadata, Duration timeout) {
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        this.questions = ServerReflectionGrpc.newStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata))
                .withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse response) {
                        answers.add(response);
                    }

                    @Override
                    public void onError(Throwable t) {
                        answers.add(t);
                    }

                    @Override
                    public void onCompleted() {
                        answers.add(END);
                    }
                });
    }

    /**
     * The descriptors of every service the server lists, and of the files they import.
     *
     * @throws GrpcException when the server has no reflection service or answers with an error
     */
    static List<FileDescriptorProto> fetch(ManagedChannel channel, Metadata metadata, Duration timeout) {
        ServerReflection reflection = new ServerReflection(channel, metadata, timeout);
        try {
            return reflection.files();
        } finally {
            reflection.questions.onCompleted();
        }
    }

    private List<FileDescriptorProto> files() {
        ServerReflectionResponse listed = ask(ServerReflectionRequest.newBuilder().setListServices("*").build());
        Map<String, FileDescriptorProto> files = new LinkedHashMap<>();
        for (ServiceResponse service : listed.getListServicesResponse().getServiceList()) {
            addFiles(ask(ServerReflectionRequest.newBuilder().setFileContainingSymbol(service.getName()).build()), files);
        }
        Deque<String> missing = new ArrayDeque<>();
        files.values().forEach(file -> missing.addAll(file.getDependencyList()));
        while (!missing.isEmpty()) {
            String name = missing.pop();
            if (files.containsKey(name) || WellKnownTypes.isWellKnown(name)) {
                continue;
            }
            List<FileDescriptorProto> added = addFiles(
                    ask(ServerReflectionRequest.newBuilder().setFileByFilename(name).build()), files);
            added.forEach(file -> missing.addAll(file.getDependencyList()));
        }
        return new ArrayList<>(files.values());
    }

    private static List<FileDescriptorProto> addFiles(ServerReflectionResponse response,
                                                      Map<String, FileDescriptorProto> files) {
        List<FileDescriptorProto> added = new ArrayList<>();
        for (ByteString bytes : response.getFileDescriptorResponse().getFileDescriptorProtoList()) {
            try {
                FileDescriptorProto file = FileDescriptorProto.parseFrom(bytes);
                if (files.putIfAbsent(file.getName(), file) == null) {
                    added.add(file);
                }
            } catch (InvalidProtocolBufferException e) {
                throw new GrpcException("can't parse a file descriptor from server reflection: " + e.getMessage());
            }
        }
        return added;
    }

    private ServerReflectionResponse ask(ServerReflectionRequest request) {
        questions.onNext(request);
        Object answer;
        try {
            answer = answers.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GrpcException("server reflection was interrupted");
        }
        if (answer instanceof ServerReflectionResponse response) {
            if (response.hasErrorResponse()) {
                throw new GrpcException("server reflection failed: " + response.getErrorResponse().getErrorMessage());
            }
            return response;
        }
        if (answer instanceof Throwable t) {
            Status status = Status.fromThrowable(t);
            String hint = status.getCode() == Status.Code.UNIMPLEMENTED
                    ? " (the server has no grpc.reflection.v1 service)" : "";
            throw new GrpcException("can't list services by server reflection: " + status.getCode() + ": "
                    + StatusMessages.describe(status) + hint);
        }
        throw new GrpcException("can't list services by server reflection: no answer in time");
    }
}
