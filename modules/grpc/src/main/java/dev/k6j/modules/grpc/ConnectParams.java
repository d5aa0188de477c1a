package dev.k6j.modules.grpc;

import io.grpc.Metadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The params of {@code client.connect(address, params)}, with k6's defaults: TLS, no reflection, a 60 s dial
 * timeout, grpc-java's message size limits.
 *
 * @param plaintext       connect without TLS
 * @param reflect         load the service descriptors by server reflection after connecting
 * @param reflectMetadata metadata sent with the reflection requests
 * @param timeout         how long the dial may take
 * @param maxReceiveSize  largest message accepted, in bytes; 0 for the default (4 MiB)
 * @param maxSendSize     largest message sent, in bytes; 0 for no limit
 * @param tls             {@code tls: {cert, key, password, cacerts}}, or {@code null}
 * @param authority       the {@code :authority} to send (and the TLS host name to check), or {@code null}
 */
record ConnectParams(boolean plaintext, boolean reflect, Metadata reflectMetadata, Duration timeout,
                     int maxReceiveSize, int maxSendSize, Tls tls, String authority) {

    /**
     * The {@code tls} param: a client certificate and the certificate authorities to trust besides the system's.
     *
     * @param cert     PEM client certificate, or {@code null}
     * @param key      PEM private key (PKCS#8), or {@code null}
     * @param password the key's password, or {@code null}
     * @param cacerts  PEM CA certificates
     */
    record Tls(String cert, String key, String password, List<String> cacerts) {
    }

    /**
     * Reads a script's params object (already converted to Java data); {@code null} gives the defaults.
     *
     * @throws GrpcException naming the param that is wrong, as k6 does
     */
    static ConnectParams from(Object params) {
        boolean plaintext = false;
        boolean reflect = false;
        Metadata reflectMetadata = new Metadata();
        Duration timeout = Duration.ofMinutes(1);
        int maxReceive = 0;
        int maxSend = 0;
        Tls tls = null;
        String authority = null;
        if (params != null) {
            if (!(params instanceof Map<?, ?> entries)) {
                throw new GrpcException("params must be an object");
            }
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                Object value = entry.getValue();
                switch (String.valueOf(entry.getKey())) {
                    case "plaintext" -> plaintext = bool("plaintext", value);
                    case "reflect" -> reflect = bool("reflect", value);
                    case "reflectMetadata" -> {
                        try {
                            reflectMetadata = RequestMetadata.from(value);
                        } catch (GrpcException e) {
                            throw new GrpcException("invalid reflectMetadata param: " + e.getMessage());
                        }
                    }
                    case "timeout" -> timeout = CallParams.timeout(value);
                    case "maxReceiveSize" -> maxReceive = size("maxReceiveSize", value);
                    case "maxSendSize" -> maxSend = size("maxSendSize", value);
                    case "tls" -> tls = tls(value);
                    case "authority" -> {
                        if (!(value instanceof String text)) {
                            throw new GrpcException("invalid authority value: '" + value + "', it needs to be a string");
                        }
                        authority = text;
                    }
                    // k6 shares connections between VUs with it; k6j gives each client its own: accepted, no effect.
                    case "connectionSharing" -> bool("connectionSharing", value);
                    default -> throw new GrpcException("unknown connect param: \"" + entry.getKey() + "\"");
                }
            }
        }
        return new ConnectParams(plaintext, reflect, reflectMetadata, timeout, maxReceive, maxSend, tls, authority);
    }

    private static boolean bool(String name, Object value) {
        if (!(value instanceof Boolean b)) {
            throw new GrpcException("invalid " + name + " value: '" + value + "', it needs to be boolean");
        }
        return b;
    }

    private static int size(String name, Object value) {
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new GrpcException("invalid " + name + " value: '" + value + "', it needs to be an integer");
        }
        if (number.longValue() < 0) {
            throw new GrpcException("invalid " + name + " value: '" + value + "', it needs to be a positive integer");
        }
        return (int) Math.min(Integer.MAX_VALUE, number.longValue());
    }

    private static Tls tls(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new GrpcException("invalid tls value: '" + value
                    + "', expected (optional) keys: cert, key, password, and cacerts");
        }
        String cert = text(map.get("cert"), "invalid tls cert value: it needs to be a PEM formatted string");
        String key = text(map.get("key"), "invalid tls key value: it needs to be a PEM formatted string");
        String password = text(map.get("password"), "invalid tls password value: it needs to be a string");
        List<String> cacerts = new ArrayList<>();
        Object cas = map.get("cacerts");
        String casError = "invalid tls cacerts value: it needs to be a string or an array of PEM formatted strings";
        if (cas instanceof List<?> list) {
            for (Object ca : list) {
                cacerts.add(text(ca, casError));
            }
        } else if (cas != null) {
            cacerts.add(text(cas, casError));
        }
        return new Tls(cert, key, password, List.copyOf(cacerts));
    }

    private static String text(Object value, String error) {
        if (value != null && !(value instanceof String)) {
            throw new GrpcException(error);
        }
        return (String) value;
    }
}
