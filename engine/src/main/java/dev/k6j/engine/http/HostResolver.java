package dev.k6j.engine.http;

import io.netty.util.NetUtil;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Turns a URL's host and port into the address to connect to: first the {@code hosts} option ({@code "host"} or
 * {@code "host:port"} keys, address or address:port values), then the system resolver, whose answers are kept
 * for five minutes (k6's default {@code dns.ttl}) and which prefers IPv4 (k6's default {@code dns.policy}).
 *
 * <p>Threads: thread-safe. Lookups run on the blocking executor, never on an event loop.
 */
final class HostResolver {

    private static final long TTL_NANOS = 5L * 60 * 1_000_000_000L;

    private record Cached(InetAddress address, long expiresAt) {
    }

    private final Map<String, String> hosts;
    private final Executor blocking;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    HostResolver(Map<String, String> hosts, Executor blocking) {
        this.hosts = hosts;
        this.blocking = blocking;
    }

    CompletableFuture<InetSocketAddress> resolve(String host, int port) {
        String lower = host.toLowerCase(Locale.ROOT);
        String override = hosts.get(lower + ":" + port);
        if (override == null) {
            override = hosts.get(lower);
        }
        String target = lower;
        int targetPort = port;
        if (override != null) {
            int colon = override.lastIndexOf(':');
            if (colon > 0 && override.indexOf(':') == colon) {
                target = override.substring(0, colon);
                targetPort = Integer.parseInt(override.substring(colon + 1));
            } else {
                target = override;
            }
        }
        String name = target.startsWith("[") && target.endsWith("]") ? target.substring(1, target.length() - 1)
                : target;
        int finalPort = targetPort;
        byte[] literal = NetUtil.createByteArrayFromIpAddressString(name);
        if (literal != null) {
            try {
                return CompletableFuture.completedFuture(new InetSocketAddress(InetAddress.getByAddress(literal),
                        finalPort));
            } catch (UnknownHostException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        Cached cached = cache.get(name);
        if (cached != null && cached.expiresAt - System.nanoTime() > 0) {
            return CompletableFuture.completedFuture(new InetSocketAddress(cached.address, finalPort));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                InetAddress address = pick(InetAddress.getAllByName(name));
                cache.put(name, new Cached(address, System.nanoTime() + TTL_NANOS));
                return new InetSocketAddress(address, finalPort);
            } catch (UnknownHostException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, blocking);
    }

    private static InetAddress pick(InetAddress[] addresses) {
        for (InetAddress address : addresses) {
            if (address instanceof Inet4Address) {
                return address;
            }
        }
        return addresses[0];
    }
}
