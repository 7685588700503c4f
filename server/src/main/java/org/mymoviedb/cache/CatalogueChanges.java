package org.mymoviedb.cache;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.mymoviedb.db.ConnectionSettings;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every server instance on the same database that the catalogue changed, with PostgreSQL's LISTEN/NOTIFY.
 *
 * <p>This instance's commits are announced just after they commit, by one thread on a connection of its own:
 * commits that land while an announcement is on its way share the next one. A NOTIFY inside the write
 * transaction would be exact, but PostgreSQL serialises the commits of notifying transactions on one lock (in a
 * pgbench test, five clients committed 2,590 inserts a second with it, 4,430 without). The cost is a short window: if this process dies between a commit and its
 * announcement, other instances hear of that write with the next one. This instance never waits for the
 * announcement: its own {@link CatalogueVersion} moves on at commit.
 *
 * <p>Each instance that caches results listens on another connection and advances its version on every
 * announcement but its own.
 */
public final class CatalogueChanges implements AutoCloseable {

    /** The notification channel. */
    public static final String CHANNEL = "mymoviedb_catalogue";

    private static final Logger log = LoggerFactory.getLogger(CatalogueChanges.class);

    private final ConnectionSettings settings;
    private final CatalogueVersion version;
    /** Sent with each announcement, so an instance can tell its own. */
    private final String instance = UUID.randomUUID().toString();
    private final Thread announcer;
    private final Thread listener;
    private final Object signal = new Object();
    private boolean pending; // guarded by signal
    private volatile boolean closing;
    private volatile boolean running = true;
    private volatile Connection announcing;
    private volatile Connection listening;

    private CatalogueChanges(ConnectionSettings settings, CatalogueVersion version, boolean listen) {
        this.settings = settings;
        this.version = version;
        this.announcer = new Thread(this::announce, "catalogue-announcer");
        this.announcer.setDaemon(true);
        this.listener = listen ? new Thread(this::listen, "catalogue-listener") : null;
        if (listener != null) {
            listener.setDaemon(true);
        }
    }

    /**
     * Announces this instance's commits to the others, and, when {@code listen}, advances {@code version} on
     * theirs.
     */
    public static CatalogueChanges start(ConnectionSettings settings, CatalogueVersion version, boolean listen) {
        CatalogueChanges changes = new CatalogueChanges(settings, version, listen);
        version.afterEachCommit(changes::committed);
        changes.announcer.start();
        if (changes.listener != null) {
            changes.listener.start();
        }
        return changes;
    }

    /**
     * Announces a write from inside its transaction, so the announcement goes out only if it commits. For
     * processes without an announcer (the import command), whose few large transactions do not mind the lock.
     */
    public static void announce(DSLContext tx) {
        tx.select(DSL.function("pg_notify", Object.class, DSL.val(CHANNEL), DSL.val(""))).fetch();
    }

    /** A transaction of this instance committed: announce it soon. Never blocks. */
    private void committed() {
        synchronized (signal) {
            pending = true;
            signal.notifyAll();
        }
    }

    private void announce() {
        while (true) {
            synchronized (signal) {
                try {
                    while (!pending && !closing) {
                        signal.wait();
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (!pending) {
                    return; // closing, and nothing left to announce
                }
                pending = false;
            }
            if (!send()) {
                return;
            }
        }
    }

    /** One announcement, retried until it goes out; false when closing stopped the retries. */
    private boolean send() {
        long backoffMillis = 100;
        while (true) {
            try {
                if (announcing == null) {
                    announcing = open("mymoviedb-announcer");
                }
                try (PreparedStatement notify = announcing.prepareStatement("select pg_notify(?, ?)")) {
                    notify.setString(1, CHANNEL);
                    notify.setString(2, instance);
                    notify.execute();
                }
                return true;
            } catch (SQLException e) {
                closeQuietly(announcing);
                announcing = null;
                if (closing) {
                    log.warn("Could not announce the last catalogue change before stopping ({})", e.getMessage());
                    return false;
                }
                log.warn("Could not announce a catalogue change ({}); retrying", e.getMessage());
                if (!sleep(backoffMillis)) {
                    return false;
                }
                backoffMillis = Math.min(backoffMillis * 2, 10_000);
            }
        }
    }

    private void listen() {
        long backoffMillis = 100;
        while (running) {
            try (Connection c = open("mymoviedb-listener")) {
                listening = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                // Whatever was written while we were not listening is unknown: treat it as written.
                version.advance();
                backoffMillis = 100;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1_000);
                    if (notifications != null && fromElsewhere(notifications)) {
                        version.advance();
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                log.warn("Lost the catalogue change listener ({}); reconnecting", e.getMessage());
                version.advance();
                if (!sleep(backoffMillis)) {
                    return;
                }
                backoffMillis = Math.min(backoffMillis * 2, 10_000);
            }
        }
    }

    /** Whether any of them comes from another instance (or process); this one's own commits moved it already. */
    private boolean fromElsewhere(PGNotification[] notifications) {
        for (PGNotification notification : notifications) {
            if (!instance.equals(notification.getParameter())) {
                return true;
            }
        }
        return false;
    }

    private Connection open(String applicationName) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", settings.user());
        if (settings.password() != null) {
            props.setProperty("password", settings.password());
        }
        props.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(settings.jdbcUrl(), props);
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException interrupted) {
            return false;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    /** Sends the last announcement, if one is due (waiting up to two seconds), then stops both threads. */
    @Override
    public void close() {
        synchronized (signal) {
            closing = true;
            signal.notifyAll();
        }
        try {
            announcer.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
        closeQuietly(listening);
        closeQuietly(announcing);
        announcer.interrupt();
        if (listener != null) {
            listener.interrupt();
        }
    }
}
