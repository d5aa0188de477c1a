package dev.k6j.modules.grpc;

/**
 * A {@code host:port} address as {@code connect} takes it ({@code [::1]:16090} for IPv6).
 *
 * @param host the host name or IP address
 * @param port the port
 */
record HostPort(String host, int port) {

    /**
     * Reads {@code address}.
     *
     * @throws GrpcException when it is not {@code host:port}
     */
    static HostPort parse(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new GrpcException("invalid address \"" + address + "\": expected host:port");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(address.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return new HostPort(host, port);
        } catch (NumberFormatException e) {
            throw new GrpcException("invalid address \"" + address + "\": the port must be a number from 1 to 65535");
        }
    }
}
