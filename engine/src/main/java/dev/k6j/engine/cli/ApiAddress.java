package dev.k6j.engine.cli;

/**
 * The REST API's address: {@code --address}, else {@code K6_ADDRESS}, else k6 v1's default {@code localhost:6565}.
 *
 * @param address  {@code host:port}, or empty for no REST API
 * @param explicit whether the user chose it (a flag or the environment variable)
 */
record ApiAddress(String address, boolean explicit) {

    static final String DEFAULT = "localhost:6565";

    static ApiAddress of(String flag) {
        if (flag != null) {
            return new ApiAddress(flag.trim(), true);
        }
        String env = System.getenv("K6_ADDRESS");
        if (env != null) {
            return new ApiAddress(env.trim(), true);
        }
        return new ApiAddress(DEFAULT, false);
    }
}
