package dev.k6j.engine.httpclient;

import io.netty.util.NetUtil;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * k6's {@code blockHostnames} (names, or {@code *.suffix} patterns) and {@code blacklistIPs} (CIDR ranges): a
 * request to a blocked name fails with 1111, one whose address is in a listed range with 1110. Immutable.
 */
record AddressRules(List<String> blockedHostnames, List<Cidr> blacklistedIps) {

    static final AddressRules NONE = new AddressRules(List.of(), List.of());

    /** One CIDR range. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.trim().split("/", 2);
            byte[] address = NetUtil.createByteArrayFromIpAddressString(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("blacklistIPs: '" + text + "' is not a CIDR range like 10.0.0.0/8");
            }
            int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : address.length * 8;
            return new Cidr(address, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int bits = bytes.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .shiftRight(prefix).xor(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
            return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

    static AddressRules from(Object blockHostnames, Object blacklistIps) {
        List<String> names = new ArrayList<>();
        for (String name : HttpOptions.strings(blockHostnames)) {
            names.add(name.toLowerCase(Locale.ROOT));
        }
        List<Cidr> ranges = new ArrayList<>();
        for (String range : HttpOptions.strings(blacklistIps)) {
            ranges.add(Cidr.parse(range));
        }
        return names.isEmpty() && ranges.isEmpty() ? NONE : new AddressRules(List.copyOf(names), List.copyOf(ranges));
    }

    /** Throws k6's 1111 when {@code host} is blocked. */
    void checkHostname(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        for (String pattern : blockedHostnames) {
            if (pattern.equals(lower) || (pattern.startsWith("*") && lower.endsWith(pattern.substring(1)))) {
                throw new HttpError(ErrorCodes.BLOCKED_HOSTNAME, "hostname is blocked");
            }
        }
    }

    /** Throws k6's 1110 when {@code address} is in a blacklisted range. */
    void checkAddress(InetAddress address) {
        for (Cidr range : blacklistedIps) {
            if (range.contains(address)) {
                throw new HttpError(ErrorCodes.BLACKLISTED_IP, "ip is blacklisted");
            }
        }
    }
}
