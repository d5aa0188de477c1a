package dev.k6j.modules.grpc;

/**
 * A gRPC API call the script made wrongly or that could not be carried out (bad parameters, unknown method, no
 * connection, a failed dial). Its message is what the script sees: the host methods turn it into a JavaScript
 * {@code Error} (or a rejected promise), so it never crashes the VU.
 */
final class GrpcException extends RuntimeException {

    GrpcException(String message) {
        super(message, null, false, false);
    }

    GrpcException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
