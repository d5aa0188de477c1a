package dev.k6j.engine.modules.webcrypto;

import java.util.Map;

/**
 * A WebCrypto algorithm argument ({@code {name: 'AES-GCM', iv}} or just {@code 'SHA-256'}) as plain Java data, with
 * typed access to its members. Missing or ill-typed members are {@code TypeError}s, as the Web IDL dictionaries make
 * them. Immutable.
 */
public record AlgorithmParams(String name, Map<String, Object> members) {

    /** Parameters from a script's argument converted to Java data: a string or a map with a {@code name}. */
    public static AlgorithmParams of(Object argument) {
        if (argument instanceof String name) {
            return new AlgorithmParams(name, Map.of("name", name));
        }
        if (argument instanceof Map<?, ?> map && map.get("name") instanceof String name) {
            @SuppressWarnings("unchecked")
            Map<String, Object> members = (Map<String, Object>) map;
            return new AlgorithmParams(name, members);
        }
        throw CryptoFailure.type("the algorithm must be a string or an object with a 'name'");
    }

    boolean has(String member) {
        return members.get(member) != null;
    }

    byte[] bytes(String member) {
        if (members.get(member) instanceof byte[] data) {
            return data;
        }
        throw CryptoFailure.type(name + ": '" + member + "' must be an ArrayBuffer, a typed array or a DataView");
    }

    byte[] bytesOr(String member, byte[] fallback) {
        return has(member) ? bytes(member) : fallback;
    }

    long integer(String member) {
        Object value = members.get(member);
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.longValue();
        }
        throw CryptoFailure.type(name + ": '" + member + "' must be an integer");
    }

    long integerOr(String member, long fallback) {
        return has(member) ? integer(member) : fallback;
    }

    String string(String member) {
        if (members.get(member) instanceof String text) {
            return text;
        }
        throw CryptoFailure.type(name + ": '" + member + "' must be a string");
    }

    /** The {@code hash} member, a name or {@code {name}}. */
    ShaHash hash() {
        Object hash = members.get("hash");
        if (hash instanceof String text) {
            return ShaHash.byName(text);
        }
        if (hash instanceof Map<?, ?> map && map.get("name") instanceof String text) {
            return ShaHash.byName(text);
        }
        throw CryptoFailure.type(name + ": 'hash' must be a hash algorithm name or an object with a 'name'");
    }

    /** A CryptoKey member, such as ECDH's {@code public}. */
    CryptoKeyHandle key(String member) {
        if (members.get(member) instanceof CryptoKeyHandle key) {
            return key;
        }
        throw CryptoFailure.type(name + ": '" + member + "' must be a CryptoKey");
    }
}
