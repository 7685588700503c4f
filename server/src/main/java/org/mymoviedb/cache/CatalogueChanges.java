package org.mymoviedb.cache;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.mymoviedb.db.ConnectionSettings;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every server instance on the same database that the catalogue changed, with PostgreSQL's LISTEN/NOTIFY:
 * writers announce inside their transaction (delivered at commit), and each instance listens on a connection of
 * its own and advances its {@link CatalogueVersion}.
 */
public final class CatalogueChanges implements AutoCloseable {

    /** The notification channel. */
    public static final String CHANNEL = "mymoviedb_catalogue";

    private static final Logger log = LoggerFactory.getLogger(CatalogueChanges.class);

    private final ConnectionSettings settings;
    private final CatalogueVersion version;
    private final Thread listener;
    private volatile boolean running = true;
    private volatile Connection connection;

    private CatalogueChanges(ConnectionSettings settings, CatalogueVersion version) {
        this.settings = settings;
        this.version = version;
        this.listener = new Thread(this::listen, "catalogue-changes");
        this.listener.setDaemon(true);
    }

    /** Starts listening for other instances' writes. */
    public static CatalogueChanges listen(ConnectionSettings settings, CatalogueVersion version) {
        CatalogueChanges changes = new CatalogueChanges(settings, version);
        changes.listener.start();
        return changes;
    }

    /** Announces a write; call inside the write's transaction, so the announcement goes out only if it commits. */
    public static void announce(DSLContext tx) {
        tx.select(DSL.function("pg_notify", Object.class, DSL.val(CHANNEL), DSL.val(""))).fetch();
    }

    private void listen() {
        long backoffMillis = 100;
        while (running) {
            try (Connection c = open()) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                // Whatever was written while we were not listening is unknown: treat it as written.
                version.advance();
                backoffMillis = 100;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    var notifications = pg.getNotifications(1_000);
                    if (notifications != null && notifications.length > 0) {
                        version.advance();
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                log.warn("Lost the catalogue change listener ({}); reconnecting", e.getMessage());
                version.advance();
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoffMillis = Math.min(backoffMillis * 2, 10_000);
            }
        }
    }

    private Connection open() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", settings.user());
        if (settings.password() != null) {
            props.setProperty("password", settings.password());
        }
        props.setProperty("ApplicationName", "mymoviedb-listener");
        return DriverManager.getConnection(settings.jdbcUrl(), props);
    }

    @Override
    public void close() {
        running = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        listener.interrupt();
    }
}
