package org.mymoviedb.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.mymoviedb.config.TrustedProxies;

/**
 * The one answer to "which client sent this request": the connection's peer, unless the peer is a trusted proxy
 * (TRUSTED_PROXIES); then the address its {@code X-Forwarded-For} names (else its {@code Forwarded: for=}), read
 * from the right, skipping trusted proxies: the rightmost untrusted address is the client. The leftmost is never
 * believed for its position alone, since a client writes it. A header that does not parse, or names more hops than
 * {@link #MAX_HOPS}, counts as absent: the client is the peer. Every request's {@code GraphQLRequest} (and so the
 * sign-in throttle), the WebSocket sessions and the per-client request cap ({@link ForwardedClients}) ask here.
 */
public final class ClientAddress {

    /** Forwarded hops read from the right at most; a longer chain is not believed. */
    static final int MAX_HOPS = 32;

    private static final AttachmentKey<InetAddress> CLIENT = AttachmentKey.create(InetAddress.class);

    private ClientAddress() {
    }

    /** The client of {@code exchange}, resolved once and kept on it. */
    public static InetAddress of(HttpServerExchange exchange, TrustedProxies trusted) {
        InetAddress known = exchange.getAttachment(CLIENT);
        if (known == null) {
            known = resolve(exchange.getSourceAddress().getAddress(),
                    exchange.getRequestHeaders().get(Headers.X_FORWARDED_FOR),
                    exchange.getRequestHeaders().get(Headers.FORWARDED), trusted);
            exchange.putAttachment(CLIENT, known);
        }
        return known;
    }

    /** The client as resolved earlier for this exchange (by {@link #of}); the peer when nothing resolved it. */
    public static InetAddress of(HttpServerExchange exchange) {
        InetAddress known = exchange.getAttachment(CLIENT);
        return known != null ? known : exchange.getSourceAddress().getAddress();
    }

    /** The client of an upgraded WebSocket connection, as its upgrade request resolved it. */
    static String of(WebSocketHttpExchange upgrade, WebSocketChannel channel) {
        InetAddress known = upgrade.getAttachment(CLIENT);
        return (known != null ? known : channel.getSourceAddress().getAddress()).getHostAddress();
    }

    /** {@link #of(HttpServerExchange)} as the text the throttle and logs use. */
    public static String text(HttpServerExchange exchange) {
        return of(exchange).getHostAddress();
    }

    /** Whether the exchange's client was named by a trusted proxy's header rather than being the peer. */
    static boolean forwarded(HttpServerExchange exchange) {
        return !of(exchange).equals(exchange.getSourceAddress().getAddress());
    }

    static InetAddress resolve(InetAddress peer, HeaderValues forwardedFor, HeaderValues forwarded,
                               TrustedProxies trusted) {
        if (!trusted.contains(peer)) {
            return peer;
        }
        List<InetAddress> hops = forwardedFor != null ? xForwardedFor(forwardedFor)
                : forwarded != null ? forwardedFor(forwarded) : null;
        if (hops == null || hops.isEmpty()) {
            return peer;
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trusted.contains(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.get(0); // every hop a trusted proxy: the first of them sent the request
    }

    /** X-Forwarded-For's addresses, left to right, over all its lines; null when any entry is not an address. */
    private static List<InetAddress> xForwardedFor(HeaderValues lines) {
        List<InetAddress> hops = new ArrayList<>();
        for (String line : lines) {
            for (String entry : line.split(",", -1)) {
                InetAddress hop = node(entry.trim());
                if (hop == null || hops.size() == MAX_HOPS) {
                    return null;
                }
                hops.add(hop);
            }
        }
        return hops;
    }

    /** RFC 7239's {@code for=} addresses, left to right; null when an element has none or it is no address. */
    private static List<InetAddress> forwardedFor(HeaderValues lines) {
        List<InetAddress> hops = new ArrayList<>();
        for (String line : lines) {
            for (String element : line.split(",", -1)) {
                InetAddress hop = null;
                for (String pair : element.split(";", -1)) {
                    String trimmed = pair.trim();
                    if (trimmed.regionMatches(true, 0, "for=", 0, 4)) {
                        String value = trimmed.substring(4).trim();
                        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                            value = value.substring(1, value.length() - 1);
                        }
                        hop = node(value);
                    }
                }
                if (hop == null || hops.size() == MAX_HOPS) {
                    return null;
                }
                hops.add(hop);
            }
        }
        return hops;
    }

    /** An address as proxies write it: {@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code 2001:db8::1},
     * {@code [2001:db8::1]} or {@code [2001:db8::1]:4711}; null for anything else ("unknown", names, garbage). */
    private static InetAddress node(String text) {
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || !(close == text.length() - 1 || port(text.substring(close + 1)))) {
                return null;
            }
            return TrustedProxies.literal(text.substring(1, close));
        }
        int colon = text.indexOf(':');
        if (colon > 0 && colon == text.lastIndexOf(':') && port(text.substring(colon))) {
            return TrustedProxies.literal(text.substring(0, colon)); // IPv4 with a port
        }
        return TrustedProxies.literal(text);
    }

    private static boolean port(String text) {
        return text.length() >= 2 && text.length() <= 6 && text.charAt(0) == ':'
                && text.substring(1).chars().allMatch(Character::isDigit);
    }
}
