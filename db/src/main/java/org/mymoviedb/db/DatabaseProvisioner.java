package org.mymoviedb.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Creates and drops whole databases on a server, through its maintenance database. */
public final class DatabaseProvisioner {

    private DatabaseProvisioner() {
    }

    /** Creates {@code settings.database()} unless it exists; returns whether it was created. */
    public static boolean createIfMissing(ConnectionSettings settings) {
        try (Connection c = maintenanceConnection(settings)) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, settings.database());
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + quoteIdentifier(settings.database()));
                return true;
            } catch (SQLException e) {
                if ("42P04".equals(e.getSQLState())) { // created concurrently by someone else
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + settings.database() + " on "
                    + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
    }

    /** Creates {@code database} as a copy of {@code template}, which nobody may be connected to. */
    public static void createFromTemplate(ConnectionSettings server, String database, String template) {
        execute(server, "CREATE DATABASE " + quoteIdentifier(database) + " TEMPLATE " + quoteIdentifier(template));
    }

    /** Drops {@code database} if it exists, closing its remaining connections. */
    public static void dropIfExists(ConnectionSettings server, String database) {
        execute(server, "DROP DATABASE IF EXISTS " + quoteIdentifier(database) + " WITH (FORCE)");
    }

    private static void execute(ConnectionSettings server, String sql) {
        try (Connection c = maintenanceConnection(server); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A connection to the server's "postgres" database, or to template1 where that is missing. */
    public static Connection maintenanceConnection(ConnectionSettings settings) throws SQLException {
        Properties props = new Properties();
        if (settings.user() != null) {
            props.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            props.setProperty("password", settings.password());
        }
        try {
            return DriverManager.getConnection(settings.jdbcUrl("postgres"), props);
        } catch (SQLException e) {
            if ("3D000".equals(e.getSQLState())) {
                return DriverManager.getConnection(settings.jdbcUrl("template1"), props);
            }
            throw e;
        }
    }

    /** Quotes a database name as a PostgreSQL identifier. */
    public static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
