package org.mymoviedb.http;

import io.undertow.predicate.Predicates;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.encoding.ContentEncodingRepository;
import io.undertow.server.handlers.encoding.EncodingHandler;
import io.undertow.server.handlers.encoding.GzipEncodingProvider;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * gzip for clients that accept it. Answers made per request go through Undertow's {@link EncodingHandler} with
 * its {@link GzipEncodingProvider}; bodies fixed at startup are gzipped once here. Bodies under
 * {@link #MIN_BYTES} are sent as they are: gzip's header and the CPU would cost more than they save.
 */
final class Compression {

    /** Below this many bytes a body is not compressed (about one TCP segment). */
    static final int MIN_BYTES = 1024;

    private Compression() {
    }

    /**
     * {@code next} with its responses of at least {@link #MIN_BYTES} gzipped when accepted. Despite its name,
     * Undertow's {@code requestLargerThan} reads the response's Content-Length; a body sent in parts has none and is
     * left alone (a deferred answer must reach the client part by part).
     */
    static HttpHandler around(HttpHandler next) {
        return new EncodingHandler(next, new ContentEncodingRepository().addEncodingHandler("gzip",
                new GzipEncodingProvider(), 50, Predicates.requestLargerThan(MIN_BYTES - 1L)));
    }

    /** {@code body} gzipped at the highest level (done once, at startup), or null when it is too small to bother. */
    static byte[] gzipOnce(byte[] body) {
        if (body.length < MIN_BYTES) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Whether a response of {@code length} bytes to this request will be gzipped by {@link #around}: the same
     * threshold and the same reading of Accept-Encoding, so its ETag can name the representation it will be.
     */
    static boolean willGzip(HttpServerExchange exchange, int length) {
        return length >= MIN_BYTES && acceptsGzip(exchange);
    }

    /** Whether the request's Accept-Encoding takes gzip (named or as "*", with a q above 0). */
    static boolean acceptsGzip(HttpServerExchange exchange) {
        Boolean star = null;
        var headers = exchange.getRequestHeaders().get(Headers.ACCEPT_ENCODING);
        if (headers == null) {
            return false;
        }
        for (String header : headers) {
            for (String coding : header.split(",")) {
                String[] parts = coding.trim().split(";", -1);
                String name = parts[0].trim().toLowerCase(Locale.ROOT);
                boolean positive = true;
                for (int i = 1; i < parts.length; i++) {
                    String p = parts[i].trim();
                    if (p.startsWith("q=")) {
                        try {
                            positive = Double.parseDouble(p.substring(2)) > 0;
                        } catch (NumberFormatException e) {
                            positive = false;
                        }
                    }
                }
                if (name.equals("gzip") || name.equals("x-gzip")) {
                    return positive;
                }
                if (name.equals("*")) {
                    star = positive;
                }
            }
        }
        return Boolean.TRUE.equals(star);
    }
}
