package dev.k6j.output.kafka;

/** Booleans as Go's {@code strconv.ParseBool} reads them, which xk6 uses for settings and tag fields. Stateless. */
final class GoBools {

    private GoBools() {
    }

    /** {@code 1 t T true TRUE True} and {@code 0 f F false FALSE False}; anything else is {@code null}. */
    static Boolean parse(String text) {
        return switch (text) {
            case "1", "t", "T", "true", "TRUE", "True" -> Boolean.TRUE;
            case "0", "f", "F", "false", "FALSE", "False" -> Boolean.FALSE;
            default -> null;
        };
    }
}
