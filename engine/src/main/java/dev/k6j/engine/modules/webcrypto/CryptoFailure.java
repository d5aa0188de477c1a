package dev.k6j.engine.modules.webcrypto;

/**
 * A failed WebCrypto operation, named as the Web Crypto API names its errors ({@code OperationError},
 * {@code InvalidAccessError}, ...). Scripts see it as the promise's rejection with that {@code name}.
 */
public final class CryptoFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String name;

    CryptoFailure(String name, String message) {
        super(message, null, false, false);
        this.name = name;
    }

    /** The error's name, such as {@code DataError}. */
    public String name() {
        return name;
    }

    static CryptoFailure notSupported(String message) {
        return new CryptoFailure("NotSupportedError", message);
    }

    static CryptoFailure invalidAccess(String message) {
        return new CryptoFailure("InvalidAccessError", message);
    }

    static CryptoFailure operation(String message) {
        return new CryptoFailure("OperationError", message);
    }

    static CryptoFailure data(String message) {
        return new CryptoFailure("DataError", message);
    }

    static CryptoFailure syntax(String message) {
        return new CryptoFailure("SyntaxError", message);
    }

    static CryptoFailure type(String message) {
        return new CryptoFailure("TypeError", message);
    }

    static CryptoFailure typeMismatch(String message) {
        return new CryptoFailure("TypeMismatchError", message);
    }

    static CryptoFailure quotaExceeded(String message) {
        return new CryptoFailure("QuotaExceededError", message);
    }
}
