package org.mymoviedb.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * A body fixed at startup (GraphiQL's page and assets, the schema, the favicon): its ETag and gzipped form are
 * computed once, so a request costs neither hashing nor compressing, and a revalidation is a 304 without a body.
 */
final class FixedBody implements HttpHandler {

    private static final HttpString NOSNIFF = HttpString.tryFromString("X-Content-Type-Options");

    private final byte[] body;
    private final byte[] gzipped;
    private final String tag;
    private final String contentType;
    private final String cacheControl;
    private final Map<String, String> extraHeaders;

    FixedBody(byte[] body, String contentType, String cacheControl, Map<String, String> extraHeaders) {
        this.body = body;
        this.gzipped = Compression.gzipOnce(body);
        this.tag = EntityTags.of(body);
        this.contentType = contentType;
        this.cacheControl = cacheControl;
        this.extraHeaders = Map.copyOf(extraHeaders);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        boolean gzip = gzipped != null && Compression.acceptsGzip(exchange);
        String etag = gzip ? EntityTags.gzipped(tag) : tag;
        exchange.getResponseHeaders()
                .put(Headers.CONTENT_TYPE, contentType)
                .put(Headers.CACHE_CONTROL, cacheControl)
                .put(Headers.ETAG, etag)
                .put(NOSNIFF, "nosniff");
        if (gzipped != null) {
            exchange.getResponseHeaders().add(Headers.VARY, "Accept-Encoding");
        }
        extraHeaders.forEach((header, value) -> exchange.getResponseHeaders().put(HttpString.tryFromString(header), value));
        if (EntityTags.matches(exchange, etag)) {
            exchange.setStatusCode(304);
            exchange.endExchange();
            return;
        }
        if (gzip) {
            // Set before sending, so Undertow's encoding handler leaves the body as it is.
            exchange.getResponseHeaders().put(Headers.CONTENT_ENCODING, "gzip");
        }
        exchange.getResponseSender().send(ByteBuffer.wrap(gzip ? gzipped : body));
    }
}
