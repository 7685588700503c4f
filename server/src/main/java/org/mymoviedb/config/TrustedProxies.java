package org.mymoviedb.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The proxies whose {@code X-Forwarded-For} / {@code Forwarded} headers are believed (TRUSTED_PROXIES: IPv4 and IPv6
 * addresses and CIDR ranges, comma-separated; empty, the default, believes no header). Parsing never resolves a
 * name: only literal addresses are accepted, so neither configuration nor a header can cause a DNS lookup.
 */
public final class TrustedProxies {

    /** Believes no header: every client is its connection's peer. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
            + "(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** Hex digits and colons (with an IPv4 tail allowed): what InetAddress parses without a lookup, or refuses. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:]*(\\d{1,3}(\\.\\d{1,3}){3})?");

    private final List<Network> networks;

    private TrustedProxies(List<Network> networks) {
        this.networks = networks;
    }

    /** Parses TRUSTED_PROXIES; an entry that is not an address or a CIDR range fails with what was wrong. */
    public static TrustedProxies parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        List<Network> networks = new ArrayList<>();
        for (String entry : value.split(",")) {
            String trimmed = entry.trim();
            if (!trimmed.isEmpty()) {
                networks.add(network(trimmed));
            }
        }
        return new TrustedProxies(List.copyOf(networks));
    }

    /** Whether {@code address} is one of the trusted proxies. */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Network network : networks) {
            if (network.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return networks.isEmpty();
    }

    /**
     * The address {@code text} names, when it is an IPv4 or IPv6 literal; null otherwise (names, garbage). An
     * IPv4-mapped IPv6 address comes back as its IPv4 address, as Java parses it.
     */
    public static InetAddress literal(String text) {
        if (text.isEmpty() || text.length() > 45 || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
            return null;
        }
        try {
            return InetAddress.getByName(text); // a literal by now: parsed, never looked up
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Network network(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        InetAddress parsed = literal(address);
        if (parsed == null) {
            throw invalid(entry, "'" + address + "' is not an IPv4 or IPv6 address (names are not resolved)");
        }
        int bits = parsed.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = entry.substring(slash + 1);
            try {
                prefix = Integer.parseInt(length);
            } catch (NumberFormatException e) {
                throw invalid(entry, "the prefix length '" + length + "' is not a number");
            }
            if (prefix < 0 || prefix > bits) {
                throw invalid(entry, "the prefix length must be between 0 and " + bits);
            }
        }
        return new Network(parsed.getAddress(), prefix);
    }

    private static IllegalArgumentException invalid(String entry, String why) {
        return new IllegalArgumentException("TRUSTED_PROXIES: '" + entry + "' is not an address or CIDR range: "
                + why + "; expected e.g. 10.0.0.5, 10.0.0.0/8, ::1 or fd00::/8, comma-separated");
    }

    /** An address range: the first {@code prefix} bits of {@code base}. */
    private record Network(byte[] base, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != base.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != base[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[whole] & mask) == (base[whole] & mask);
        }
    }
}
