package dev.k6j.modules.grpc;

import dev.k6j.spi.GoValues;
import io.grpc.Metadata;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The params of {@code invoke}, {@code asyncInvoke} and {@code new Stream}: {@code metadata}, {@code tags},
 * {@code timeout}, {@code discardResponseMessage}.
 *
 * @param metadata               request metadata
 * @param tags                   the script's tags for this call's samples
 * @param timeout                the call's deadline, or {@code null} for the caller's default
 * @param discardResponseMessage don't decode response messages ({@code message} is {@code null})
 */
record CallParams(Metadata metadata, Map<String, String> tags, Duration timeout, boolean discardResponseMessage) {

    /**
     * Reads a script's params object (already converted to Java data); {@code null} gives the defaults.
     *
     * @throws GrpcException naming the param that is wrong, as k6 does
     */
    static CallParams from(Object params) {
        Metadata metadata = new Metadata();
        Map<String, String> tags = new LinkedHashMap<>();
        Duration timeout = null;
        boolean discard = false;
        if (params != null) {
            if (!(params instanceof Map<?, ?> entries)) {
                throw new GrpcException("params must be an object");
            }
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                Object value = entry.getValue();
                switch (String.valueOf(entry.getKey())) {
                    case "metadata" -> {
                        try {
                            metadata = RequestMetadata.from(value);
                        } catch (GrpcException e) {
                            throw new GrpcException("invalid metadata param: " + e.getMessage());
                        }
                    }
                    case "tags" -> tags = tags(value);
                    case "timeout" -> timeout = timeout(value);
                    case "discardResponseMessage" -> discard = Boolean.TRUE.equals(value);
                    default -> throw new GrpcException("unknown param: \"" + entry.getKey() + "\"");
                }
            }
        }
        return new CallParams(metadata, Map.copyOf(tags), timeout, discard);
    }

    /** A {@code timeout} param as k6 reads it: a number of milliseconds, or a duration such as {@code "2s"}. */
    static Duration timeout(Object value) {
        try {
            return GoValues.durationValue(value);
        } catch (IllegalArgumentException e) {
            throw new GrpcException("invalid timeout value: " + e.getMessage());
        }
    }

    private static Map<String, String> tags(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> entries)) {
            throw new GrpcException("metric tags: tags must be an object");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            Object tag = entry.getValue();
            if (tag instanceof Map<?, ?> || tag instanceof java.util.List<?> || tag == null) {
                throw new GrpcException("metric tags: invalid value for metric tag '" + entry.getKey() + "'");
            }
            tags.put(String.valueOf(entry.getKey()), tag instanceof Double d && d == Math.rint(d)
                    ? String.valueOf(d.longValue()) : String.valueOf(tag));
        }
        return tags;
    }
}
