package org.mymoviedb.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a PostgreSQL database lives and how to log in: parsed from DATABASE_URL and the PG* variables.
 *
 * @param host     server host
 * @param port     server port
 * @param database database name
 * @param user     login role
 * @param password password, or null for trust or peer setups; never printed by {@link #toString()}
 * @param params   extra JDBC parameters (sslmode and the like), passed through as given
 */
public record ConnectionSettings(
        String host, int port, String database, String user, String password, Map<String, String> params) {

    public static final String DEFAULT_DATABASE = "mymoviedb";

    public ConnectionSettings {
        params = Map.copyOf(params);
    }

    /**
     * The settings DATABASE_URL names, completed by PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE;
     * empty when DATABASE_URL is not set (the caller then starts the embedded server).
     */
    public static Optional<ConnectionSettings> fromEnvironment(Map<String, String> env) {
        String url = env.get("DATABASE_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parse(url.trim(), env));
    }

    /** Parses a postgres://, postgresql:// or jdbc:postgresql:// URL; PG* variables fill what it leaves out. */
    public static ConnectionSettings parse(String url, Map<String, String> env) {
        String withoutJdbc = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
        URI uri;
        try {
            uri = new URI(withoutJdbc);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("DATABASE_URL is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme();
        if (!"postgres".equals(scheme) && !"postgresql".equals(scheme)) {
            throw new IllegalArgumentException(
                    "DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql://");
        }
        String host = firstNonBlank(uri.getHost(), env.get("PGHOST"), "localhost");
        int port = uri.getPort() > 0 ? uri.getPort() : parsePort(env.get("PGPORT"));
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        String database = firstNonBlank(decode(path), env.get("PGDATABASE"), DEFAULT_DATABASE);

        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                String[] kv = pair.split("=", 2);
                params.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        // jdbc URLs carry credentials as parameters rather than user info.
        user = firstNonBlank(user, params.remove("user"), env.get("PGUSER"), System.getProperty("user.name"));
        password = firstNonBlank(password, params.remove("password"), env.get("PGPASSWORD"));
        return new ConnectionSettings(host, port, database, user, password, params);
    }

    /** The JDBC URL of this database, without credentials. */
    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    /** The JDBC URL of another database on the same server. */
    public String jdbcUrl(String otherDatabase) {
        StringBuilder url = new StringBuilder("jdbc:postgresql://")
                .append(host.contains(":") ? "[" + host + "]" : host)
                .append(':').append(port).append('/')
                .append(java.net.URLEncoder.encode(otherDatabase, StandardCharsets.UTF_8));
        String sep = "?";
        for (Map.Entry<String, String> p : params.entrySet()) {
            url.append(sep).append(p.getKey()).append('=')
                    .append(java.net.URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            sep = "&";
        }
        return url.toString();
    }

    /** An unpooled DataSource for one-off work such as migrations: each connection is opened on demand. */
    public javax.sql.DataSource unpooledDataSource() {
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl());
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    /** The same server and credentials, another database. */
    public ConnectionSettings withDatabase(String otherDatabase) {
        return new ConnectionSettings(host, port, otherDatabase, user, password, params);
    }

    /** Host, port and database, for logs: no credentials. */
    public String describe() {
        return host + ":" + port + "/" + database + " as " + user;
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + describe() + (password == null ? "" : ", password=***") + "]";
    }

    private static int parsePort(String value) {
        if (value == null || value.isBlank()) {
            return 5432;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PGPORT must be a port number, not '" + value + "'");
        }
    }

    private static String decode(String s) {
        return s == null ? null : URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String firstNonBlank(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        return null;
    }
}
