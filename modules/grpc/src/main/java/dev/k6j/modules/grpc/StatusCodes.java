package dev.k6j.modules.grpc;

import java.util.LinkedHashMap;
import java.util.Map;

/** The constants k6/net/grpc exports: gRPC status codes and health-check serving statuses. */
final class StatusCodes {

    private StatusCodes() {
    }

    /** {@code StatusOK} … {@code StatusUnauthenticated}, {@code HealthCheck*}: name to number, in k6's order. */
    static Map<String, Object> exports() {
        Map<String, Object> constants = new LinkedHashMap<>();
        String[] codes = {"OK", "Canceled", "Unknown", "InvalidArgument", "DeadlineExceeded", "NotFound",
                "AlreadyExists", "PermissionDenied", "ResourceExhausted", "FailedPrecondition", "Aborted",
                "OutOfRange", "Unimplemented", "Internal", "Unavailable", "DataLoss", "Unauthenticated"};
        for (int code = 0; code < codes.length; code++) {
            constants.put("Status" + codes[code], code);
        }
        // grpc.health.v1.HealthCheckResponse.ServingStatus; "Unkown" is k6's spelling.
        constants.put("HealthCheckUnknown", 0);
        constants.put("HealthCheckServing", 1);
        constants.put("HealthCheckNotServing", 2);
        constants.put("HealthCheckServiceUnkown", 3);
        return constants;
    }
}
