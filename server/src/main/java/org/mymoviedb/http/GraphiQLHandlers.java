package org.mymoviedb.http;

import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;

/**
 * GraphiQL at /graphiql ("/" leads there), its scripts and styles served from the webjars on the classpath, and
 * the site's favicon.
 */
public final class GraphiQLHandlers {

    private static final String PAGE_PATH = "/graphiql";
    private static final String ASSETS_PATH = "/graphiql/assets/";

    /** Asset name to classpath resource: the only files served under {@link #ASSETS_PATH}. */
    private static final String ASSET_LIST = "graphiql/assets.properties";
    private static final String PAGE = "graphiql/index.html";
    private static final String FAVICON_PATH = "/favicon.ico";
    private static final String FAVICON = "favicon.ico";
    // Browsers ask for it on every page of the origin; it changes with a release, if ever.
    private static final String FAVICON_CACHE = "public, max-age=86400";

    // Asset URLs carry a fingerprint of their content, so browsers may keep them until the content changes.
    private static final String ASSET_CACHE = "public, max-age=31536000, immutable";
    // The browser itself refuses anything from another origin. GraphiQL sets inline styles and embeds its fonts as
    // data: URLs; scripts are only the listed files.
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "font-src 'self' data:; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private GraphiQLHandlers() {
    }

    /**
     * "/", the page and one exact path per listed asset. Everything is read at startup, so a missing webjar fails
     * the start rather than a request, the IO threads never read files, and no request path can name another
     * classpath resource.
     */
    public static Map<String, HttpHandler> routes() {
        Map<String, HttpHandler> routes = new HashMap<>();
        String page = new String(read(PAGE), StandardCharsets.UTF_8);
        Properties assets = assetList();
        for (String name : assets.stringPropertyNames()) {
            byte[] body = read(assets.getProperty(name));
            routes.put(ASSETS_PATH + name, new FixedBody(body, contentType(name), ASSET_CACHE, Map.of()));
            page = page.replace("{{" + name + "}}", ASSETS_PATH + name + "?v=" + fingerprint(body));
        }
        if (page.contains("{{")) {
            throw new IllegalStateException(PAGE + " names an asset missing from " + ASSET_LIST);
        }
        routes.put(PAGE_PATH, new FixedBody(page.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8",
                "no-cache", Map.of("Content-Security-Policy", CONTENT_SECURITY_POLICY)));
        routes.put(FAVICON_PATH, new FixedBody(read(FAVICON), "image/x-icon", FAVICON_CACHE, Map.of()));
        routes.put("/", Handlers.redirect(PAGE_PATH));
        return routes;
    }

    private static Properties assetList() {
        Properties assets = new Properties();
        try {
            assets.load(new ByteArrayInputStream(read(ASSET_LIST)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return assets;
    }

    private static String contentType(String name) {
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        throw new IllegalStateException("No content type known for the GraphiQL asset " + name);
    }

    private static String fingerprint(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = GraphiQLHandlers.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("GraphiQL needs " + resource + " on the classpath (a webjar missing?)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
