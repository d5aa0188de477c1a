package dev.k6j.modules.grpc;

import io.grpc.Status;

/** Readable one-line messages for grpc-java statuses, without grpc-java's debugging details. */
final class StatusMessages {

    private StatusMessages() {
    }

    /** The status' description, its cause's message when the description alone says little. */
    static String describe(Status status) {
        String description = status.getDescription();
        if (description != null) {
            int debug = description.indexOf(". [");
            if (debug > 0 && status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
                description = description.substring(0, debug);
            }
        }
        Throwable cause = rootCause(status.getCause());
        String causeMessage = cause == null ? null : cause.getMessage() == null
                ? cause.getClass().getSimpleName() : cause.getMessage();
        if (description == null || description.isEmpty()) {
            if (status.isOk()) {
                return "";
            }
            return causeMessage != null ? causeMessage : status.getCode().name().toLowerCase(java.util.Locale.ROOT);
        }
        return causeMessage != null && !description.contains(causeMessage) ? description + ": " + causeMessage
                : description;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
