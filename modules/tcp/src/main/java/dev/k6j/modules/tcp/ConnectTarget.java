package dev.k6j.modules.tcp;

import java.util.LinkedHashMap;
import java.util.Map;
import org.graalvm.polyglot.Value;

/**
 * Where {@code connect(port, host?)} or {@code connect({port, host, tls, tags})} goes. Immutable.
 *
 * @param host the host name or address as the script gave it ({@code localhost} by default)
 * @param port 1 to 65535
 * @param tls  whether to do a TLS handshake after connecting
 * @param tags the connection's tags (they override the socket's)
 */
record ConnectTarget(String host, int port, boolean tls, Map<String, String> tags) {

    static final String DEFAULT_HOST = "localhost";

    ConnectTarget {
        tags = Map.copyOf(tags);
    }

    /**
     * Reads {@code connect}'s arguments. VU thread.
     *
     * @throws IllegalArgumentException with a message for the script when they are not usable
     */
    static ConnectTarget parse(Value portOrOptions, Value host) {
        if (portOrOptions == null || portOrOptions.isNull()) {
            throw new IllegalArgumentException("connect needs a port (number or string) or an options object");
        }
        if (portOrOptions.isNumber() || portOrOptions.isString()) {
            String hostName = host == null || host.isNull() ? DEFAULT_HOST : text(host);
            return new ConnectTarget(checkedHost(hostName), port(portOrOptions), false, Map.of());
        }
        if (portOrOptions.hasMembers() && !portOrOptions.canExecute()) {
            Value port = portOrOptions.getMember("port");
            if (port == null || port.isNull()) {
                throw new IllegalArgumentException("connect options need a port");
            }
            Value hostMember = portOrOptions.getMember("host");
            String hostName = hostMember == null || hostMember.isNull() || text(hostMember).isEmpty()
                    ? DEFAULT_HOST : text(hostMember);
            Value tls = portOrOptions.getMember("tls");
            return new ConnectTarget(checkedHost(hostName), port(port), tls != null && truthy(tls),
                    tags(portOrOptions.getMember("tags"), "connect"));
        }
        throw new IllegalArgumentException("connect needs a port (number or string) or an options object, not "
                + portOrOptions);
    }

    /** A {@code tags} object as a map of strings; absent gives an empty map. */
    static Map<String, String> tags(Value tags, String where) {
        Map<String, String> result = new LinkedHashMap<>();
        if (tags == null || tags.isNull()) {
            return result;
        }
        if (!tags.hasMembers() || tags.canExecute()) {
            throw new IllegalArgumentException(where + " tags must be an object of names to strings");
        }
        for (String name : tags.getMemberKeys()) {
            Value value = tags.getMember(name);
            result.put(name, text(value));
        }
        return result;
    }

    private static int port(Value value) {
        String text = value.isString() ? value.asString().trim() : null;
        double number;
        if (text != null) {
            try {
                number = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw badPort(value);
            }
        } else {
            number = value.asDouble();
        }
        if (number != Math.rint(number) || number < 1 || number > 65535) {
            throw badPort(value);
        }
        return (int) number;
    }

    private static IllegalArgumentException badPort(Value value) {
        String shown = value.isString() ? "'" + value.asString() + "'" : value.toString();
        return new IllegalArgumentException("invalid port " + shown + ": must be a number from 1 to 65535");
    }

    private static String checkedHost(String host) {
        if (host.isBlank()) {
            throw new IllegalArgumentException("invalid host: empty");
        }
        return host;
    }

    private static boolean truthy(Value value) {
        return value.isBoolean() ? value.asBoolean() : !value.isNull() && !text(value).isEmpty();
    }

    /** A script value as text: strings as they are, anything else as JavaScript would print it. */
    static String text(Value value) {
        return value.isString() ? value.asString() : value.toString();
    }
}
