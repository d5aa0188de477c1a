package dev.k6j.modules.grpc;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.util.JsonFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The methods one client knows, by k6's URL ({@code /package.Service/Method}), and the message types the JSON
 * mapping resolves {@code Any} with. Loading more files adds to what was loaded before, as in k6. Owned by one VU's
 * thread; the type registry it hands out is immutable and may be read from grpc-java threads.
 */
final class MethodRegistry {

    private final Map<String, MethodDescriptor> methods = new LinkedHashMap<>();
    private final Map<String, Descriptor> messageTypes = new LinkedHashMap<>();
    private volatile JsonFormat.TypeRegistry types = JsonFormat.TypeRegistry.getEmptyTypeRegistry();

    /**
     * Adds the services and messages of {@code files}.
     *
     * @return a description of each method added, as k6's {@code load} returns it
     */
    List<Map<String, Object>> add(List<FileDescriptor> files) {
        List<Map<String, Object>> infos = new ArrayList<>();
        for (FileDescriptor file : files) {
            for (ServiceDescriptor service : file.getServices()) {
                for (MethodDescriptor method : service.getMethods()) {
                    String url = "/" + service.getFullName() + "/" + method.getName();
                    methods.put(url, method);
                    Map<String, Object> info = new LinkedHashMap<>();
                    info.put("package", file.getPackage());
                    info.put("service", service.getName());
                    info.put("full_method", url);
                    info.put("name", method.getName());
                    info.put("is_client_stream", method.isClientStreaming());
                    info.put("is_server_stream", method.isServerStreaming());
                    infos.add(info);
                }
            }
            for (Descriptor message : file.getMessageTypes()) {
                addMessage(message);
            }
        }
        JsonFormat.TypeRegistry.Builder builder = JsonFormat.TypeRegistry.newBuilder();
        messageTypes.values().forEach(builder::add);
        types = builder.build();
        return infos;
    }

    private void addMessage(Descriptor message) {
        messageTypes.putIfAbsent(message.getFullName(), message);
        for (Descriptor nested : message.getNestedTypes()) {
            addMessage(nested);
        }
    }

    /**
     * The method a script names, with or without the leading slash.
     *
     * @throws GrpcException with k6's messages for an empty or unknown name
     */
    MethodDescriptor method(String url) {
        if (url == null || url.isEmpty()) {
            throw new GrpcException("method to invoke cannot be empty");
        }
        String name = url.startsWith("/") ? url : "/" + url;
        MethodDescriptor method = methods.get(name);
        if (method == null) {
            throw new GrpcException("method \"" + name + "\" not found in file descriptors");
        }
        return method;
    }

    /** The message types loaded so far, for {@code Any} in the JSON mapping. */
    JsonFormat.TypeRegistry types() {
        return types;
    }

    /** The k6 URL of a method: {@code /package.Service/Method}. */
    static String url(MethodDescriptor method) {
        return "/" + method.getService().getFullName() + "/" + method.getName();
    }
}
