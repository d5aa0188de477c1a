package dev.k6j.engine.modules.webcrypto;

import dev.k6j.engine.modules.JsBytes;
import dev.k6j.spi.EventLoop;
import dev.k6j.spi.Vu;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The Java side of one VU's global {@code crypto} ({@code webcrypto.js} wraps it). Each SubtleCrypto call converts
 * its arguments to Java data on the VU thread, runs the operation on a worker thread (so key generation or a long
 * PBKDF2 never stalls the VU's other callbacks), and settles the script's promise back on the VU's event loop.
 *
 * <p>Threads: every exported method runs on the VU thread; {@link SubtleCrypto} runs on the worker; JavaScript values
 * ({@code resolve}, {@code reject}) are only touched in the task handed back to the event loop.
 */
public final class WebCryptoHost {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ExecutorService WORKERS =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("k6j-webcrypto-", 0).factory());

    private final Vu vu;
    private final SubtleCrypto subtle = new SubtleCrypto();

    public WebCryptoHost(Vu vu) {
        this.vu = vu;
    }

    @HostAccess.Export
    public Value randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return vu.toJs(bytes);
    }

    @HostAccess.Export
    public String randomUUID() {
        return UUID.randomUUID().toString();
    }

    /** What the glue needs to build a CryptoKey (or a CryptoKeyPair) from a handle. */
    @HostAccess.Export
    public Value describe(Value handle) {
        Object object = handle.asHostObject();
        Map<String, Object> description = new LinkedHashMap<>();
        if (object instanceof KeyPairHandle pair) {
            description.put("publicKey", pair.publicKey());
            description.put("privateKey", pair.privateKey());
        } else {
            CryptoKeyHandle key = (CryptoKeyHandle) object;
            description.put("type", key.type());
            description.put("extractable", key.extractable());
            description.put("algorithm", key.algorithm());
            description.put("usages", key.usages());
        }
        return vu.toJs(description);
    }

    @HostAccess.Export
    public void digest(Value algorithm, Value data, Value resolve, Value reject) {
        settle(resolve, reject, () -> {
            Object alg = algorithm(algorithm);
            byte[] bytes = bytes(data, "data");
            return () -> subtle.digest(alg, bytes);
        });
    }

    @HostAccess.Export
    public void generateKey(Value algorithm, boolean extractable, Value usages, Value resolve, Value reject) {
        settle(resolve, reject, () -> {
            Object alg = algorithm(algorithm);
            List<String> keyUsages = usages(usages);
            return () -> subtle.generateKey(alg, extractable, keyUsages);
        });
    }

    @HostAccess.Export
    public void importKey(String format, Value keyData, Value algorithm, boolean extractable, Value usages,
                          Value resolve, Value reject) {
        settle(resolve, reject, () -> {
            Object data = format.equals("jwk") ? jwk(keyData) : bytes(keyData, "keyData");
            Object alg = algorithm(algorithm);
            List<String> keyUsages = usages(usages);
            return () -> subtle.importKey(format, data, alg, extractable, keyUsages);
        });
    }

    @HostAccess.Export
    public void exportKey(String format, Value key, Value resolve, Value reject) {
        settle(resolve, reject, () -> {
            CryptoKeyHandle handle = key(key);
            return () -> subtle.exportKey(format, handle);
        });
    }

    @HostAccess.Export
    public void encrypt(Value algorithm, Value key, Value data, Value resolve, Value reject) {
        settle(resolve, reject, () -> {
            Object alg = algorithm(algorithm);
            CryptoKeyHandle handle = key(key);
            byte[] bytes = bytes(data, "data");
            return () -> subtle.encrypt(alg, handle, bytes);
        });
    }

    @HostAccess.Export
    public void decrypt(Value algorithm, Value key, Value data, Value resolve, Value reject) {
        settle(resolve, reject, () -> {
            Object alg = algorithm(algorithm);
            CryptoKeyHandle handle = key(key);
            byte[] bytes = bytes(data, "data");
            return () -> subtle.decrypt(alg, handle, bytes);
        });
    }

    @HostAccess.Export
    public void sign(Value algorithm, Value key, Value data, Value resolve, Value reject) {
        settle(resolve, reject, () -> {
            Object alg = algorithm(algorithm);
            CryptoKeyHandle handle = key(key);
            byte[] bytes = bytes(data, "data");
            return () -> subtle.sign(alg, handle, bytes);
        });
    }

    @HostAccess.Export
    public void verify(Value algorithm, Value key, Value signature, Value data, Value resolve, Value reject) {
        settle(resolve, reject, () -> {
            Object alg = algorithm(algorithm);
            CryptoKeyHandle handle = key(key);
            byte[] signatureBytes = bytes(signature, "signature");
            byte[] bytes = bytes(data, "data");
            return () -> subtle.verify(alg, handle, signatureBytes, bytes);
        });
    }

    @HostAccess.Export
    public void deriveBits(Value algorithm, Value baseKey, Value length, Value resolve, Value reject) {
        settle(resolve, reject, () -> {
            Object alg = algorithm(algorithm);
            CryptoKeyHandle handle = key(baseKey);
            Integer bits = length == null || length.isNull() ? null : length.asInt();
            return () -> subtle.deriveBits(alg, handle, bits);
        });
    }

    @HostAccess.Export
    public void deriveKey(Value algorithm, Value baseKey, Value derivedKeyType, boolean extractable, Value usages,
                          Value resolve, Value reject) {
        settle(resolve, reject, () -> {
            Object alg = algorithm(algorithm);
            CryptoKeyHandle handle = key(baseKey);
            Object derived = algorithm(derivedKeyType);
            List<String> keyUsages = usages(usages);
            return () -> subtle.deriveKey(alg, handle, derived, extractable, keyUsages);
        });
    }

    @HostAccess.Export
    public void wrapKey(String format, Value key, Value wrappingKey, Value wrapAlgorithm, Value resolve,
                        Value reject) {
        settle(resolve, reject, () -> {
            CryptoKeyHandle handle = key(key);
            CryptoKeyHandle wrapping = key(wrappingKey);
            Object alg = algorithm(wrapAlgorithm);
            return () -> subtle.wrapKey(format, handle, wrapping, alg);
        });
    }

    @HostAccess.Export
    public void unwrapKey(String format, Value wrappedKey, Value unwrappingKey, Value unwrapAlgorithm,
                          Value keyAlgorithm, boolean extractable, Value usages, Value resolve, Value reject) {
        settle(resolve, reject, () -> {
            byte[] wrapped = bytes(wrappedKey, "wrappedKey");
            CryptoKeyHandle unwrapping = key(unwrappingKey);
            Object unwrapAlg = algorithm(unwrapAlgorithm);
            Object keyAlg = algorithm(keyAlgorithm);
            List<String> keyUsages = usages(usages);
            return () -> subtle.unwrapKey(format, wrapped, unwrapping, unwrapAlg, keyAlg, extractable, keyUsages);
        });
    }

    /**
     * Converts the arguments now (VU thread), runs the operation on a worker, and settles the promise on the VU's
     * event loop: {@code resolve(result)} or {@code reject(name, message)}.
     */
    private void settle(Value resolve, Value reject, Supplier<Supplier<Object>> prepare) {
        EventLoop.Callback callback = vu.eventLoop().register();
        Supplier<Object> operation;
        try {
            operation = prepare.get();
        } catch (CryptoFailure failure) {
            callback.complete(() -> reject.execute(failure.name(), failure.getMessage()));
            return;
        }
        WORKERS.execute(() -> {
            try {
                Object result = operation.get();
                callback.complete(() -> resolve.execute(vu.toJs(result)));
            } catch (CryptoFailure failure) {
                callback.complete(() -> reject.execute(failure.name(), failure.getMessage()));
            } catch (RuntimeException e) {
                callback.complete(() -> reject.execute("OperationError", String.valueOf(e.getMessage())));
            }
        });
    }

    private Object algorithm(Value algorithm) {
        if (algorithm == null || algorithm.isNull()) {
            throw CryptoFailure.type("an algorithm is required");
        }
        return algorithm.isString() ? algorithm.asString() : vu.fromJs(algorithm);
    }

    private static CryptoKeyHandle key(Value key) {
        if (key != null && key.isHostObject() && key.asHostObject() instanceof CryptoKeyHandle handle) {
            return handle;
        }
        throw CryptoFailure.invalidAccess("key argument does hold not a valid CryptoKey object");
    }

    private byte[] bytes(Value value, String what) {
        byte[] data = JsBytes.binary(vu, value);
        if (data == null) {
            throw CryptoFailure.type(what + " must be an ArrayBuffer, TypedArray, or DataView");
        }
        return data;
    }

    private Map<String, Object> jwk(Value value) {
        if (value != null && value.hasMembers() && vu.fromJs(value) instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> jwk = (Map<String, Object>) map;
            return jwk;
        }
        throw CryptoFailure.type("a 'jwk' key must be a JSON Web Key object");
    }

    private List<String> usages(Value usages) {
        List<String> result = new ArrayList<>();
        if (usages == null || !usages.hasArrayElements()) {
            throw CryptoFailure.type("keyUsages must be an array of strings");
        }
        for (long i = 0; i < usages.getArraySize(); i++) {
            Value element = usages.getArrayElement(i);
            String usage = element.isString() ? element.asString() : null;
            if (!CryptoKeyHandle.USAGE_ORDER.contains(usage)) {
                throw CryptoFailure.type("unknown key usage '" + usage + "'");
            }
            result.add(usage);
        }
        return result;
    }
}
