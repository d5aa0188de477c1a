package dev.k6j.engine.httpclient;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Turns a URL's host and port into the address to connect to: {@code blockHostnames} first, then the {@code hosts}
 * option ({@code "host"} or {@code "host:port"} keys, address or address:port values), then the system resolver
 * under the {@code dns} option (answers kept for its ttl, one address picked by its policy and select), and
 * {@code blacklistIPs} last.
 *
 * <p>Threads: thread-safe. Lookups run on the blocking executor, never on an event loop.
 */
final class HostResolver {

    private record Cached(List<InetAddress> addresses, long expiresAt) {
    }

    private final Map<String, String> hosts;
    private final DnsOptions dns;
    private final AddressRules rules;
    private final Executor blocking;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    HostResolver(Map<String, String> hosts, DnsOptions dns, AddressRules rules, Executor blocking) {
        this.hosts = hosts;
        this.dns = dns;
        this.rules = rules;
        this.blocking = blocking;
    }

    CompletableFuture<InetSocketAddress> resolve(String host, int port) {
        try {
            rules.checkHostname(host);
        } catch (HttpError e) {
            return CompletableFuture.failedFuture(e);
        }
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
                return CompletableFuture.completedFuture(checked(InetAddress.getByAddress(literal), finalPort));
            } catch (UnknownHostException | HttpError e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        Cached cached = cache.get(name);
        if (cached != null && (cached.expiresAt == Long.MAX_VALUE || cached.expiresAt - System.nanoTime() > 0)) {
            try {
                return CompletableFuture.completedFuture(checked(dns.pick(cached.addresses), finalPort));
            } catch (HttpError e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                List<InetAddress> addresses = dns.filter(InetAddress.getAllByName(name), name);
                if (!dns.ttl().isZero()) {
                    long expiresAt = dns.ttl().isNegative() ? Long.MAX_VALUE : System.nanoTime() + dns.ttl().toNanos();
                    cache.put(name, new Cached(addresses, expiresAt));
                }
                return checked(dns.pick(addresses), finalPort);
            } catch (UnknownHostException e) {
                throw new CompletionException(e);
            }
        }, blocking);
    }

    private InetSocketAddress checked(InetAddress address, int port) {
        rules.checkAddress(address);
        return new InetSocketAddress(address, port);
    }
}
