package dev.k6j.modules.grpc;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.util.JsonFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a call's conversions once while the first {@code .proto} files of the process are loaded, in the init
 * stage: a request from JSON, to wire bytes and back, a response to JSON. On a cold JVM the first call otherwise pays
 * for loading and first running protobuf's JSON mapping inside the measured {@code grpc_req_duration} — about 50 ms
 * of CPU, which becomes hundreds of milliseconds when every VU makes its first call at the same moment on a busy
 * machine (what failed the grpc-unary example's p95 threshold on a first run; docs/runtime.md).
 */
final class ConversionWarmUp {

    private static final AtomicBoolean DONE = new AtomicBoolean();

    private ConversionWarmUp() {
    }

    /** Converts messages of the first method in {@code files}, the first time this process loads any. */
    static void once(List<FileDescriptor> files) {
        for (FileDescriptor file : files) {
            for (ServiceDescriptor service : file.getServices()) {
                for (MethodDescriptor method : service.getMethods()) {
                    if (DONE.compareAndSet(false, true)) {
                        convert(method);
                    }
                    return;
                }
            }
        }
    }

    private static void convert(MethodDescriptor method) {
        JsonFormat.TypeRegistry types = JsonFormat.TypeRegistry.newBuilder()
                .add(method.getInputType()).add(method.getOutputType()).build();
        DynamicMarshaller wire = new DynamicMarshaller(method.getInputType(), false);
        try {
            DynamicMessage request = JsonMessages.parse("{}", method.getInputType(), types);
            wire.parse(wire.stream(request));
            JsonMessages.print(DynamicMessage.getDefaultInstance(method.getOutputType()), types);
        } catch (RuntimeException e) {
            // Only a head start: a type "{}" does not fit (proto2's required fields) is converted on its first call.
        }
    }
}
