package org.mymoviedb.cache;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
 * <p>This instance's commits are announced just after they commit, on a connection of its own, by a
 * single-thread executor: commits that land while an announcement is on its way share the next one. A NOTIFY
 * inside the write transaction would be exact, but PostgreSQL serialises the commits of notifying transactions on
 * one lock (in a pgbench test, five clients committed 2,590 inserts a second with it, 4,430 without). The cost is
 * a short window: if this process dies between a commit and its announcement, other instances may serve answers
 * about what that write changed until the result cache ages them out. This instance never waits for the announcement: its own {@link CatalogueVersion} moves on at
 * commit.
 *
 * <p>An announcement says what changed (the movies, or everything: {@link CatalogueChange}), so other instances
 * drop only the answers that depend on it. Each instance that caches results listens on another connection, on an
 * executor of its own, and applies every announcement but its own.
 */
public final class CatalogueChanges implements AutoCloseable {

    /** The notification channel. */
    public static final String CHANNEL = "mymoviedb_catalogue";

    /** Between the sender and what changed, in an announcement's payload. */
    private static final char SEPARATOR = '|';
    private static final Logger log = LoggerFactory.getLogger(CatalogueChanges.class);
    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long LAST_BACKOFF_MILLIS = 10_000;
    /** How long {@link #close()} waits for the last announcement, and for the listener to let go. */
    private static final long STOP_WAIT_MILLIS = 2_000;

    private final ConnectionSettings settings;
    private final CatalogueVersion version;
    /** Sent with each announcement, so an instance can tell its own. */
    private final String instance = UUID.randomUUID().toString();
    /** Runs a retry already scheduled when close() starts: the last announcement deserves its try. */
    private final ScheduledExecutorService announcer = singleThread("catalogue-announcer", true);
    private final ScheduledExecutorService listener;
    /**
     * What commits changed that no announcement has started on yet (null: nothing): later commits add to it and
     * need no task of their own.
     */
    private final AtomicReference<CatalogueChange> unannounced = new AtomicReference<>();
    private volatile boolean closing;
    // Used only on the announcer's thread, and by close() once that thread has ended.
    private volatile Connection announcing;
    private long announceBackoffMillis = FIRST_BACKOFF_MILLIS;
    // listening is closed by close() to end the listener's blocking wait; the backoff is the listener thread's.
    private volatile Connection listening;
    private long listenBackoffMillis = FIRST_BACKOFF_MILLIS;

    private CatalogueChanges(ConnectionSettings settings, CatalogueVersion version, boolean listen) {
        this.settings = settings;
        this.version = version;
        // A reconnection scheduled when close() starts is dropped: nobody needs to hear anything any more.
        this.listener = listen ? singleThread("catalogue-listener", false) : null;
    }

    /**
     * Announces this instance's commits to the others, and, when {@code listen}, advances {@code version} on
     * theirs.
     */
    public static CatalogueChanges start(ConnectionSettings settings, CatalogueVersion version, boolean listen) {
        CatalogueChanges changes = new CatalogueChanges(settings, version, listen);
        version.afterEachCommit(changes::committed);
        if (changes.listener != null) {
            changes.listener.execute(changes::listen);
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

    /** A transaction of this instance committed: announce what it changed soon. Never blocks. */
    private void committed(CatalogueChange change) {
        announceLater(change, 0);
    }

    private void announceLater(CatalogueChange change, long delayMillis) {
        if (unannounced.getAndAccumulate(change, (waiting, more) -> waiting == null ? more : waiting.and(more)) == null) {
            schedule(announcer, this::announcePending, delayMillis);
        }
    }

    /** One announcement for every commit so far; on failure, another one later (or none, when stopping). */
    private void announcePending() {
        // Commits from here on are not covered by this announcement: they ask for the next.
        CatalogueChange change = unannounced.getAndSet(null);
        if (change == null) {
            return;
        }
        boolean reused = announcing != null;
        try {
            send(change);
            announceBackoffMillis = FIRST_BACKOFF_MILLIS;
        } catch (SQLException e) {
            closeQuietly(announcing);
            announcing = null;
            if (closing) {
                log.warn("Could not announce the last catalogue change before stopping ({})", describe(e));
                return;
            }
            // A connection the server dropped since the last announcement (a restart, pg_terminate_backend) is
            // replaced at once; a server that refuses a new one, or a statement that fails, is given time.
            long delay = reused && isLostConnection(e) ? 0 : announceBackoffMillis;
            log.warn("Could not announce a catalogue change ({}); retrying in {} ms", describe(e), delay);
            if (delay > 0) {
                announceBackoffMillis = Math.min(announceBackoffMillis * 2, LAST_BACKOFF_MILLIS);
            }
            announceLater(change, delay);
        }
    }

    private void send(CatalogueChange change) throws SQLException {
        if (announcing == null) {
            announcing = open("mymoviedb-announcer");
        }
        try (PreparedStatement notify = announcing.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, instance + SEPARATOR + change.encode());
            notify.execute();
        }
    }

    /** One listening connection's life; when it ends, the next one is scheduled (unless stopping). */
    private void listen() {
        try (Connection c = open("mymoviedb-listener")) {
            listening = c;
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN " + CHANNEL);
            }
            // Whatever was written while we were not listening is unknown: treat it as written.
            version.advance();
            listenBackoffMillis = FIRST_BACKOFF_MILLIS;
            PGConnection pg = c.unwrap(PGConnection.class);
            while (!closing) {
                PGNotification[] notifications = pg.getNotifications(1_000);
                if (notifications != null) {
                    applyFromElsewhere(notifications);
                }
            }
        } catch (SQLException e) {
            if (closing) {
                return; // close() closed the connection under the wait
            }
            log.warn("Lost the catalogue change listener ({}); reconnecting in {} ms", describe(e),
                    listenBackoffMillis);
            version.advance();
            schedule(listener, this::listen, listenBackoffMillis);
            listenBackoffMillis = Math.min(listenBackoffMillis * 2, LAST_BACKOFF_MILLIS);
        }
    }

    /**
     * Applies what other instances (or processes) changed; this one's own commits moved the version already. An
     * announcement without the changes (the importer's, or an older server's) is a change to everything.
     */
    private void applyFromElsewhere(PGNotification[] notifications) {
        for (PGNotification notification : notifications) {
            String payload = notification.getParameter();
            int separator = payload == null ? -1 : payload.indexOf(SEPARATOR);
            String sender = separator < 0 ? payload : payload.substring(0, separator);
            if (!instance.equals(sender)) {
                version.apply(separator < 0 ? CatalogueChange.EVERYTHING
                        : CatalogueChange.decode(payload.substring(separator + 1)));
            }
        }
    }

    /**
     * SQLSTATE class 08 (connection exception, which PgJDBC reports for a broken socket), 57P01 and 57P02 (the
     * server terminated this session, or is restarting after a crash).
     */
    private static boolean isLostConnection(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02"));
    }

    private static String describe(SQLException e) {
        return "SQLSTATE " + e.getSQLState() + ": " + e.getMessage();
    }

    private void schedule(ScheduledExecutorService executor, Runnable task, long delayMillis) {
        try {
            executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // close() shut the executor down: there is no one left to announce to or listen for.
            log.debug("Catalogue change task not scheduled: stopping");
        }
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

    private static ScheduledExecutorService singleThread(String name, boolean delayedTasksRunAfterShutdown) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true); // a stuck connection must not keep the JVM alive
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(delayedTasksRunAfterShutdown);
        return executor;
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

    /**
     * Sends the last announcement, if one is due (waiting up to two seconds), then stops announcing; then stops
     * listening; then closes both connections.
     */
    @Override
    public void close() {
        closing = true;
        announcer.shutdown(); // what is queued (the last announcement) still runs; retries give up
        awaitOrInterrupt(announcer);
        closeQuietly(announcing);
        if (listener != null) {
            listener.shutdown();
            closeQuietly(listening); // ends its blocking wait for notifications
            awaitOrInterrupt(listener);
        }
    }

    private static void awaitOrInterrupt(ScheduledExecutorService executor) {
        try {
            if (!executor.awaitTermination(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
