package org.mymoviedb.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.config.TrustedProxies;
import org.mymoviedb.graphql.ResponseErrors;

/**
 * First on every request: works out its client ({@link ClientAddress}) once, for everything after. A trusted proxy
 * carries many clients on its connections, so {@link ConnectionGate} does not hold them to MAX_CONNECTIONS_PER_CLIENT;
 * here each forwarded client is held to that many requests open at once instead (an open event stream counts until
 * it ends), answered over it with a coded 503, TOO_MANY_CONNECTIONS.
 */
final class ForwardedClients implements HttpHandler {

    private final HttpHandler next;
    private final TrustedProxies trusted;
    private final int maxPerClient;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

    /** {@code maxPerClient} 0: no cap per forwarded client. */
    ForwardedClients(HttpHandler next, TrustedProxies trusted, int maxPerClient) {
        this.next = next;
        this.trusted = trusted;
        this.maxPerClient = maxPerClient;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        InetAddress client = ClientAddress.of(exchange, trusted);
        if (maxPerClient == 0 || !ClientAddress.forwarded(exchange)) {
            next.handleRequest(exchange);
            return;
        }
        boolean[] full = {false};
        open.compute(client, (address, count) -> {
            int now = count == null ? 0 : count;
            full[0] = now >= maxPerClient;
            return full[0] ? count : Integer.valueOf(now + 1);
        });
        if (full[0]) {
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, "1");
            Json.send(exchange, 503, ResponseErrors.requestError(ErrorCode.TOO_MANY_CONNECTIONS,
                    "This client holds as many requests open as the server allows one client ("
                            + maxPerClient + ", MAX_CONNECTIONS_PER_CLIENT); retry shortly"));
            return;
        }
        exchange.addExchangeCompleteListener((done, nextListener) -> {
            open.computeIfPresent(client, (address, count) -> count <= 1 ? null : count - 1);
            nextListener.proceed();
        });
        next.handleRequest(exchange);
    }
}
