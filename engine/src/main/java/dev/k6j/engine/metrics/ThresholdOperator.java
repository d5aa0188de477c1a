package dev.k6j.engine.metrics;

/**
 * The comparison of a threshold expression. {@code ==} and {@code ===} are the same, as in k6 (sink values are
 * always numbers).
 */
public enum ThresholdOperator {
    // Scan order matters: a longer token must be tried before its prefix (k6's operatorTokens order).
    LESS_OR_EQUAL("<="),
    LESS("<"),
    GREATER_OR_EQUAL(">="),
    GREATER(">"),
    STRICTLY_EQUAL("==="),
    EQUAL("=="),
    NOT_EQUAL("!=");

    private final String token;

    ThresholdOperator(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    /** Whether {@code lhs <op> rhs} holds. */
    public boolean test(double lhs, double rhs) {
        return switch (this) {
            case LESS_OR_EQUAL -> lhs <= rhs;
            case LESS -> lhs < rhs;
            case GREATER_OR_EQUAL -> lhs >= rhs;
            case GREATER -> lhs > rhs;
            case STRICTLY_EQUAL, EQUAL -> lhs == rhs;
            case NOT_EQUAL -> lhs != rhs;
        };
    }
}
