package dev.k6j.modules.grpc;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import com.squareup.wire.schema.ErrorCollector;
import com.squareup.wire.schema.Linker;
import com.squareup.wire.schema.Loader;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.Schema;
import com.squareup.wire.schema.SchemaException;
import com.squareup.wire.schema.internal.SchemaEncoder;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses {@code .proto} files in the JVM, with no {@code protoc}: Square's Wire schema parser reads and links them,
 * and its encoder turns each into a {@link FileDescriptorProto}, as {@code protoc --descriptor_set_out} would.
 *
 * <p>Wire was chosen over the alternatives (protoc-jar, which bundles an old native protoc; protobuf4j, protoc
 * compiled to WebAssembly) because it is pure JVM code, maintained by Square, resolves from Maven Central, and
 * bundles the well-known {@code google/protobuf} files. 7.x needs a javapoet that Central does not serve here, so the
 * project pins 5.3.x.
 *
 * <p>Files are found as k6 finds them: each name is looked up under each import path in turn. The bytes come from a
 * {@link FileSource} (the script's {@code open()}), so paths are relative to the script and read once per run.
 * Imports of {@code google/protobuf/*.proto} fall back to the copies on the class path. Not thread-safe: one per load.
 */
final class ProtoFileParser {

    /** Reads a file the script names; returns {@code null} when there is no such file. */
    @FunctionalInterface
    interface FileSource {
        byte[] read(String path);
    }

    private final List<String> importPaths;
    private final FileSource source;
    private final Map<String, ProtoFile> parsed = new LinkedHashMap<>();

    ProtoFileParser(List<String> importPaths, FileSource source) {
        this.importPaths = importPaths.isEmpty() ? List.of(".") : List.copyOf(importPaths);
        this.source = source;
    }

    /**
     * The descriptors of {@code files} and of everything they import, dependencies first.
     *
     * @throws GrpcException when a file is missing or does not parse or link, with the parser's message
     */
    List<FileDescriptorProto> parse(List<String> files) {
        List<ProtoFile> roots = new ArrayList<>();
        for (String file : files) {
            roots.add(load(file));
        }
        Schema schema;
        try {
            schema = new Linker(new ImportLoader(), new ErrorCollector(), false, true).link(roots);
        } catch (SchemaException e) {
            throw new GrpcException(e.getMessage().strip());
        }
        SchemaEncoder encoder = new SchemaEncoder(schema);
        List<FileDescriptorProto> descriptors = new ArrayList<>();
        for (String path : dependenciesFirst(roots, schema)) {
            if (WellKnownTypes.isWellKnown(path)) {
                descriptors.add(WellKnownTypes.file(path).toProto());
                continue;
            }
            try {
                descriptors.add(FileDescriptorProto.parseFrom(encoder.encode(schema.protoFile(path)).toByteArray()));
            } catch (InvalidProtocolBufferException e) {
                throw new GrpcException("cannot encode the descriptor of " + path + ": " + e.getMessage());
            }
        }
        return descriptors;
    }

    private List<String> dependenciesFirst(List<ProtoFile> roots, Schema schema) {
        Set<String> ordered = new LinkedHashSet<>();
        for (ProtoFile root : roots) {
            visit(root.getLocation().getPath(), schema, ordered, new LinkedHashSet<>());
        }
        return new ArrayList<>(ordered);
    }

    private void visit(String path, Schema schema, Set<String> ordered, Set<String> visiting) {
        if (ordered.contains(path) || !visiting.add(path)) {
            return;
        }
        ProtoFile file = schema.protoFile(path);
        if (file != null) {
            for (String imported : file.getImports()) {
                visit(imported, schema, ordered, visiting);
            }
            for (String imported : file.getPublicImports()) {
                visit(imported, schema, ordered, visiting);
            }
        }
        ordered.add(path);
    }

    private ProtoFile load(String path) {
        ProtoFile cached = parsed.get(path);
        if (cached != null) {
            return cached;
        }
        Found found = find(path);
        ProtoFile file;
        try {
            file = ProtoFile.Companion.get(ProtoParser.Companion.parse(
                    Location.Companion.get(found.base(), path), new String(found.bytes(), StandardCharsets.UTF_8)));
        } catch (RuntimeException syntax) {
            throw new GrpcException(syntax.getMessage() == null ? "cannot parse " + path : syntax.getMessage().strip());
        }
        parsed.put(path, file);
        return file;
    }

    private record Found(String base, byte[] bytes) {
    }

    private Found find(String path) {
        if (path.startsWith("/")) {
            byte[] bytes = source.read(path);
            if (bytes != null) {
                return new Found("/", bytes);
            }
        } else {
            for (String importPath : importPaths) {
                String base = importPath.startsWith("file://") ? importPath.substring("file://".length()) : importPath;
                byte[] bytes = source.read(base.endsWith("/") ? base + path : base + "/" + path);
                if (bytes != null) {
                    return new Found(base, bytes);
                }
            }
        }
        byte[] bundled = bundled(path);
        if (bundled != null) {
            return new Found("", bundled);
        }
        throw new GrpcException("open " + path + ": no such file or directory (searched the import paths "
                + importPaths + ", relative to the script)");
    }

    private static byte[] bundled(String path) {
        if (!path.startsWith("google/protobuf/") && !path.startsWith("wire/")) {
            return null;
        }
        try (InputStream in = ProtoFileParser.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /** What the linker calls for each import it meets. */
    private final class ImportLoader implements Loader {

        @Override
        public ProtoFile load(String path) {
            return ProtoFileParser.this.load(path);
        }

        @Override
        public Loader withErrors(ErrorCollector errors) {
            return this;
        }
    }
}
