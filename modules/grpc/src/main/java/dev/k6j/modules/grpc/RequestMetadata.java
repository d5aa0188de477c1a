package dev.k6j.modules.grpc;

import io.grpc.Metadata;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * gRPC metadata between scripts and grpc-java: a script's {@code metadata} object (string values; ArrayBuffers for
 * keys ending in {@code -bin}) to {@link Metadata}, and received headers and trailers back to name → list of values.
 */
final class RequestMetadata {

    private RequestMetadata() {
    }

    /**
     * The metadata a script's object describes.
     *
     * @throws GrpcException when the object or a value has the wrong type
     */
    static Metadata from(Object object) {
        Metadata metadata = new Metadata();
        if (object == null) {
            return metadata;
        }
        if (!(object instanceof Map<?, ?> entries)) {
            throw new GrpcException("must be an object with key-value pairs");
        }
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            String key = String.valueOf(entry.getKey()).toLowerCase(java.util.Locale.ROOT);
            Object value = entry.getValue();
            try {
                if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                    if (!(value instanceof byte[] bytes)) {
                        throw new GrpcException("\"" + key + "\" value must be binary");
                    }
                    metadata.put(Metadata.Key.of(key, Metadata.BINARY_BYTE_MARSHALLER), bytes);
                } else {
                    if (!(value instanceof String text)) {
                        throw new GrpcException("\"" + key + "\" value must be a string");
                    }
                    metadata.put(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER), text);
                }
            } catch (IllegalArgumentException badKey) {
                throw new GrpcException("\"" + key + "\" is not a valid metadata key: " + badKey.getMessage());
            }
        }
        return metadata;
    }

    /** Received headers or trailers as k6 shows them: name → values (binary values as their bytes, one char each). */
    static Map<String, List<String>> toMap(Metadata metadata) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        if (metadata == null) {
            return map;
        }
        for (String key : metadata.keys()) {
            List<String> values = new ArrayList<>();
            if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                for (byte[] value : metadata.getAll(Metadata.Key.of(key, Metadata.BINARY_BYTE_MARSHALLER))) {
                    values.add(new String(value, StandardCharsets.ISO_8859_1));
                }
            } else {
                metadata.getAll(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER)).forEach(values::add);
            }
            map.put(key, values);
        }
        return map;
    }
}
