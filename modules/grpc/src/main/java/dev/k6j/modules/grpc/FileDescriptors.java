package dev.k6j.modules.grpc;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds linked {@link FileDescriptor}s from {@link FileDescriptorProto}s, whichever way they came (parsed
 * {@code .proto} files, a protoset, server reflection): each after its dependencies, the well-known types taken
 * from protobuf-java.
 */
final class FileDescriptors {

    private FileDescriptors() {
    }

    /**
     * The descriptors of all {@code protos}.
     *
     * @throws GrpcException when a dependency is missing or a file does not validate
     */
    static List<FileDescriptor> build(List<FileDescriptorProto> protos) {
        Map<String, FileDescriptorProto> byName = new LinkedHashMap<>();
        for (FileDescriptorProto proto : protos) {
            byName.putIfAbsent(proto.getName(), proto);
        }
        Map<String, FileDescriptor> built = new LinkedHashMap<>();
        for (String name : byName.keySet()) {
            build(name, byName, built, new HashSet<>());
        }
        return new ArrayList<>(built.values());
    }

    private static FileDescriptor build(String name, Map<String, FileDescriptorProto> byName,
                                        Map<String, FileDescriptor> built, Set<String> visiting) {
        FileDescriptor done = built.get(name);
        if (done != null) {
            return done;
        }
        if (WellKnownTypes.isWellKnown(name)) {
            FileDescriptor wellKnown = WellKnownTypes.file(name);
            built.put(name, wellKnown);
            return wellKnown;
        }
        FileDescriptorProto proto = byName.get(name);
        if (proto == null) {
            throw new GrpcException("file descriptor for \"" + name + "\" is missing (an import that was not loaded)");
        }
        if (!visiting.add(name)) {
            throw new GrpcException("import cycle through \"" + name + "\"");
        }
        FileDescriptor[] dependencies = new FileDescriptor[proto.getDependencyCount()];
        for (int i = 0; i < dependencies.length; i++) {
            dependencies[i] = build(proto.getDependency(i), byName, built, visiting);
        }
        try {
            FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies);
            built.put(name, file);
            return file;
        } catch (DescriptorValidationException e) {
            throw new GrpcException("invalid descriptor in " + name + ": " + e.getMessage());
        }
    }
}
