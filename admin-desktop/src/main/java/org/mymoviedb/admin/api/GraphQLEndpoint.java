package org.mymoviedb.admin.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Turns the server address an editor types into the URL of its GraphQL endpoint: {@code localhost:8080},
 * {@code http://host:8080} and {@code http://host:8080/} all mean {@code http://host:8080/graphql}, since the
 * server answers its root with a redirect to GraphiQL, not with GraphQL.
 */
public final class GraphQLEndpoint {

    public static final String PATH = "/graphql";
    private static final String FORM = "The server URL looks like http://host:8080/graphql (or just host:8080)";

    private GraphQLEndpoint() {
    }

    /** The endpoint {@code typed} names; IllegalArgumentException, with a message for the editor, if none. */
    public static URI of(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(FORM);
        }
        // "localhost:8080" would parse as scheme "localhost"; an address without "://" is plain http.
        if (!text.contains("://")) {
            text = "http://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(FORM);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(FORM);
        }
        if (uri.getRawUserInfo() != null) {
            // It would be remembered with the URL and shown in every error: credentials go in the form below.
            throw new IllegalArgumentException("A server URL carries no user name or password: " + FORM);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/")
                ? PATH : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return URI.create(scheme + "://" + uri.getRawAuthority() + path + query);
    }
}
