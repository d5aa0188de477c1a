package dev.k6j.modules.tcp;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Turns {@code connect}'s host and port into the address to dial: k6's {@code hosts} option first ({@code "host"} or
 * {@code "host:port"} keys, {@code address} or {@code address:port} values), then the system resolver, an IPv4
 * address preferred (k6's default {@code dns.policy}). Immutable; thread-safe.
 */
final class AddressResolver {

    private final Map<String, String> hosts;

    private AddressResolver(Map<String, String> hosts) {
        this.hosts = hosts;
    }

    /** The resolver for a test's options. */
    static AddressResolver from(Map<String, Object> options) {
        Map<String, String> hosts = new LinkedHashMap<>();
        if (options.get("hosts") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> hosts.put(String.valueOf(k).toLowerCase(Locale.ROOT), String.valueOf(v)));
        }
        return new AddressResolver(Map.copyOf(hosts));
    }

    /** Resolves on {@code blocking} unless the answer is an address already; fails with UnknownHostException. */
    CompletableFuture<InetSocketAddress> resolve(String host, int port, Executor blocking) {
        String lower = host.toLowerCase(Locale.ROOT);
        String override = hosts.getOrDefault(lower + ":" + port, hosts.get(lower));
        String name = lower;
        int targetPort = port;
        if (override != null) {
            int colon = override.lastIndexOf(':');
            if (colon > 0 && override.indexOf(':') == colon) {
                name = override.substring(0, colon);
                targetPort = Integer.parseInt(override.substring(colon + 1));
            } else {
                name = override;
            }
        }
        String bare = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
        int finalPort = targetPort;
        InetAddress literal = literal(bare);
        if (literal != null) {
            return CompletableFuture.completedFuture(new InetSocketAddress(literal, finalPort));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new InetSocketAddress(preferIpv4(InetAddress.getAllByName(bare)), finalPort);
            } catch (UnknownHostException e) {
                throw new CompletionException(new UnknownHostException(bare));
            }
        }, blocking);
    }

    private static InetAddress literal(String name) {
        try {
            return InetAddress.ofLiteral(name);
        } catch (IllegalArgumentException notAnAddress) {
            return null;
        }
    }

    private static InetAddress preferIpv4(InetAddress[] addresses) {
        for (InetAddress address : addresses) {
            if (address instanceof Inet4Address) {
                return address;
            }
        }
        return addresses[0];
    }
}
