package dev.k6j.engine.httpclient;

import dev.k6j.engine.config.Durations;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * k6's {@code dns} option ({@code {ttl, select, policy}} or {@code "ttl=5m,select=random,policy=preferIPv4"}):
 * how long answers are kept, which address of several is used, and which IP versions count. Immutable apart from
 * the round-robin counter.
 *
 * @param ttl    how long an answer is kept; zero keeps none, negative keeps them for the whole test ("inf")
 * @param select {@code first}, {@code random} or {@code roundRobin}
 * @param policy {@code preferIPv4}, {@code preferIPv6}, {@code onlyIPv4}, {@code onlyIPv6} or {@code any}
 */
record DnsOptions(Duration ttl, String select, String policy, AtomicInteger roundRobin) {

    static final DnsOptions DEFAULT = new DnsOptions(Duration.ofMinutes(5), "random", "preferIPv4",
            new AtomicInteger());

    static DnsOptions from(Object value) {
        if (value == null) {
            return DEFAULT;
        }
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> fields.put(String.valueOf(k), String.valueOf(v)));
        } else {
            for (String part : value.toString().split(",")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    fields.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
                }
            }
        }
        String ttlText = fields.getOrDefault("ttl", "5m");
        Duration ttl = ttlText.equals("inf") ? Duration.ofSeconds(-1) : Durations.parse(ttlText, "dns.ttl");
        String select = fields.getOrDefault("select", "random");
        String policy = fields.getOrDefault("policy", "preferIPv4");
        if (!List.of("first", "random", "roundRobin").contains(select)) {
            throw new IllegalArgumentException("dns.select must be first, random or roundRobin, not '" + select + "'");
        }
        if (!List.of("preferIPv4", "preferIPv6", "onlyIPv4", "onlyIPv6", "any").contains(policy)) {
            throw new IllegalArgumentException("dns.policy must be preferIPv4, preferIPv6, onlyIPv4, onlyIPv6 or any,"
                    + " not '" + policy + "'");
        }
        return new DnsOptions(ttl, select, policy, new AtomicInteger());
    }

    /** The addresses the policy allows, preferred ones only when there are any. */
    List<InetAddress> filter(InetAddress[] addresses, String host) throws UnknownHostException {
        List<InetAddress> v4 = new ArrayList<>();
        List<InetAddress> v6 = new ArrayList<>();
        for (InetAddress address : addresses) {
            (address instanceof Inet6Address ? v6 : v4).add(address);
        }
        List<InetAddress> result = switch (policy) {
            case "preferIPv4" -> v4.isEmpty() ? v6 : v4;
            case "preferIPv6" -> v6.isEmpty() ? v4 : v6;
            case "onlyIPv4" -> v4;
            case "onlyIPv6" -> v6;
            default -> List.of(addresses);
        };
        if (result.isEmpty()) {
            throw new UnknownHostException(host.toLowerCase(Locale.ROOT) + ": no address for dns.policy " + policy);
        }
        return result;
    }

    /** One address of several, as {@code select} says. */
    InetAddress pick(List<InetAddress> addresses) {
        return switch (select) {
            case "first" -> addresses.getFirst();
            case "roundRobin" -> addresses.get(Math.floorMod(roundRobin.getAndIncrement(), addresses.size()));
            default -> addresses.get(ThreadLocalRandom.current().nextInt(addresses.size()));
        };
    }
}
