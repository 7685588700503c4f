package org.mymoviedb.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Strong entity tags (a hash of the body) and the If-None-Match check that turns a revalidation into a 304. A
 * gzipped body is another representation, so its tag carries a "-gzip" suffix; comparing ignores it, as the
 * identity and gzipped bodies hold the same answer.
 */
final class EntityTags {

    static final String GZIP_SUFFIX = "-gzip";

    private EntityTags() {
    }

    /** The quoted tag of {@code body}: 128 bits of its SHA-256, base64url. */
    static String of(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16))
                    + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** {@code tag} for the gzipped representation. */
    static String gzipped(String tag) {
        return tag.substring(0, tag.length() - 1) + GZIP_SUFFIX + "\"";
    }

    /** Whether the request's If-None-Match names {@code tag} (or "*"), with the weak comparison RFC 9110 asks for. */
    static boolean matches(HttpServerExchange exchange, String tag) {
        String header = exchange.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH);
        if (header == null) {
            return false;
        }
        String wanted = plain(tag);
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || plain(c).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String plain(String tag) {
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        return t.endsWith(GZIP_SUFFIX + "\"") ? t.substring(0, t.length() - GZIP_SUFFIX.length() - 1) + "\"" : t;
    }
}
