package org.mymoviedb.feed;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.mymoviedb.base.ApiException;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.live.LiveException;
import org.mymoviedb.live.LiveLimits;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.cache.CatalogueChange;
import org.mymoviedb.cache.CatalogueChanges;
import org.mymoviedb.cache.CatalogueVersion;
import org.mymoviedb.data.DatabaseExecutor;
import org.mymoviedb.history.AuditEntry;
import org.postgresql.PGConnection;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's one reader of the outbox (history, see {@link Outbox}). It listens on the catalogue channel to
 * wake up at once after a commit, and reads every LIVE_POLL_MS anyway, so that a write whose announcement was lost
 * (its server died between commit and NOTIFY) is still delivered. Two reads are at least LIVE_BATCH_MS apart: under
 * a stream of writes each read takes the writes of that time together, and each subscriber gets them together. Each wake-up reads the new entries once, loads
 * their entities once, moves the result cache on for other instances' writes, and hands the events to every
 * subscriber whose filter keeps them. Runs on a thread and a connection of its own.
 */
public final class LiveFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
    /** Entries read per statement; a wake-up reads on while batches come back full. */
    private static final int BATCH = 500;
    private static final long LAST_BACKOFF_MILLIS = 5_000;

    private final DataSource listenerSource;
    private final Outbox pooled;
    private final DatabaseExecutor executor;
    private final LiveLimits limits;
    private final CatalogueVersion catalogue;
    private final String origin;
    private final Set<LiveSubscription> subscribers = new HashSet<>();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder reads = new LongAdder();
    private final Thread thread;
    private volatile EntityLoader loader = entries -> entries.stream().map(e -> new LiveEvent(e, null, null)).toList();
    /** The last entry handed to subscribers; guarded by {@link #subscribers}. */
    private OutboxPosition cursor;
    private volatile boolean closing;
    private volatile Connection connection;

    /**
     * {@code listenerSource} gives the feed's own connection; {@code pool} and {@code executor} serve resumes;
     * {@code catalogue} is moved on for entries whose origin is not {@code origin} (this instance's own writes
     * moved it at commit).
     */
    public LiveFeed(DataSource listenerSource, DSLContext pool, DatabaseExecutor executor, LiveLimits limits,
                    CatalogueVersion catalogue, String origin, MeterRegistry metrics) {
        this.listenerSource = listenerSource;
        this.pooled = new Outbox(pool);
        this.executor = executor;
        this.limits = limits;
        this.catalogue = catalogue;
        this.origin = origin;
        this.cursor = pooled.end();
        this.thread = new Thread(this::run, "live-feed");
        thread.setDaemon(true);
        Gauge.builder("mymoviedb.live.subscriptions", this, LiveFeed::subscriptions)
                .description("Open subscriptions on this instance").register(metrics);
        FunctionCounter.builder("mymoviedb.live.events.delivered", delivered, LongAdder::sum)
                .description("Events handed to subscribers").register(metrics);
        FunctionCounter.builder("mymoviedb.live.outbox.reads", reads, LongAdder::sum)
                .description("Statements that read new history for the live feed").register(metrics);
    }

    /** Loads the entities of events (set once the repositories are wired); until then events carry none. */
    public void loadEntitiesWith(EntityLoader entities) {
        this.loader = entities;
    }

    public LiveFeed start() {
        thread.start();
        return this;
    }

    public LiveLimits limits() {
        return limits;
    }

    /** Open subscriptions right now. */
    public int subscriptions() {
        synchronized (subscribers) {
            return subscribers.size();
        }
    }

    /** How many reads of new history the feed made (each one statement, for all subscribers together). */
    public long outboxReads() {
        return reads.sum();
    }

    /** Whether another subscription would fit under LIVE_MAX_SUBSCRIPTIONS. */
    public boolean hasRoom() {
        return subscriptions() < limits.maxSubscriptions();
    }

    /** SUBSCRIPTION_LIMIT, as a refusal or a failed stream says it. */
    public LiveException full() {
        return new LiveException(ErrorCode.SUBSCRIPTION_LIMIT, "This server holds as many subscriptions as it allows ("
                + limits.maxSubscriptions() + ", LIVE_MAX_SUBSCRIPTIONS); retry later or on another instance");
    }

    /**
     * Where a resume after the event {@code eventId} starts, checked against the resume window: an id that is not
     * an event's is INVALID_ID; one older than LIVE_RETENTION, with more than LIVE_RESUME_MAX_EVENTS after it, or
     * unknown here is RESUME_TOO_OLD. Reads the database: call it on the database executor.
     */
    public OutboxPosition resumePoint(String eventId) {
        long entryId = Ids.parse(eventId, NodeType.AUDIT_ENTRY);
        Outbox.Located located = pooled.locate(entryId).orElseThrow(() -> tooOld("is not an event of this server"));
        if (located.at().isBefore(OffsetDateTime.now().minus(limits.retention()))) {
            throw tooOld("is older than the resume window (LIVE_RETENTION " + limits.retention() + ")");
        }
        OutboxPosition upTo;
        synchronized (subscribers) {
            upTo = cursor;
        }
        if (located.position().compareTo(upTo) < 0
                && pooled.between(located.position(), upTo, limits.resumeMaxEvents() + 1).size()
                > limits.resumeMaxEvents()) {
            throw tooOld("has more than " + limits.resumeMaxEvents() + " events after it (LIVE_RESUME_MAX_EVENTS)");
        }
        return located.position();
    }

    private static LiveException tooOld(String why) {
        return new LiveException(ErrorCode.RESUME_TOO_OLD, "The event to resume after " + why
                + ": load the current state again, then subscribe without Last-Event-ID");
    }

    /**
     * The events {@code filter} keeps, from now on, or after {@code resumeAfter} (a {@link #resumePoint}) when it is
     * not null: first the ones since then, then the live ones, none twice and none missing. Fails with
     * SUBSCRIPTION_LIMIT when the instance is full, SLOW_CONSUMER when the subscriber falls behind.
     */
    public Publisher<LiveEvent> events(Predicate<AuditEntry> filter, OutboxPosition resumeAfter) {
        return subscriber -> {
            LiveSubscription subscription = new LiveSubscription(this, filter, subscriber, limits.maxQueuedEvents(),
                    resumeAfter);
            OutboxPosition upTo;
            boolean admitted;
            synchronized (subscribers) {
                admitted = !closing && subscribers.size() < limits.maxSubscriptions();
                if (admitted) {
                    subscribers.add(subscription);
                }
                upTo = cursor;
            }
            subscriber.onSubscribe(subscription);
            if (!admitted) {
                subscription.fail(closing ? new LiveException(ErrorCode.SHUTTING_DOWN, "The server is stopping")
                        : full());
            } else if (resumeAfter != null) {
                catchUp(subscription, resumeAfter, upTo);
            }
        };
    }

    /** Reads what a resuming subscriber missed, up to where the feed stood when it joined, on the pool. */
    private void catchUp(LiveSubscription subscription, OutboxPosition after, OutboxPosition upTo) {
        executor.supply(() -> {
            List<OutboxEntry> missed = after.compareTo(upTo) >= 0 ? List.of()
                    : pooled.between(after, upTo, limits.resumeMaxEvents() + 1);
            if (missed.size() > limits.resumeMaxEvents()) {
                throw tooOld("has more than " + limits.resumeMaxEvents() + " events after it (LIVE_RESUME_MAX_EVENTS)");
            }
            return loader.load(missed.stream().filter(e -> subscription.wants(e.entry())).toList());
        }).whenComplete((missed, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                subscription.fail(cause instanceof ApiException ? cause
                        : new LiveException(ErrorCode.INTERNAL_SERVER_ERROR, "Reading the missed events failed"));
                if (!(cause instanceof ApiException)) {
                    log.error("Reading the events a subscriber missed failed", cause);
                }
            } else {
                delivered.add(missed.size());
                subscription.caughtUp(missed);
            }
        });
    }

    void remove(LiveSubscription subscription) {
        synchronized (subscribers) {
            subscribers.remove(subscription);
        }
    }

    private void run() {
        long backoff = 100;
        while (!closing) {
            try {
                if (connection == null) {
                    connection = listen();
                }
                readNew(new Outbox(DSL.using(connection, SQLDialect.POSTGRES)));
                long lastRead = System.nanoTime();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                // Blocks until a notification arrives or LIVE_POLL_MS pass, whichever is first.
                notifications.getNotifications(limits.pollMillis());
                // The writes of the next LIVE_BATCH_MS come together: one read, and one socket write per stream.
                long wait = limits.batchMillis() - (System.nanoTime() - lastRead) / 1_000_000;
                if (wait > 0 && !closing) {
                    sleep(wait);
                    notifications.getNotifications(); // those of the wait: this read covers them
                }
                backoff = 100;
            } catch (SQLException | DataAccessException e) {
                if (closing) {
                    break;
                }
                log.warn("The live feed lost its database connection ({}); reconnecting in {} ms", e.getMessage(),
                        backoff);
                closeConnection();
                sleep(backoff);
                backoff = Math.min(backoff * 2, LAST_BACKOFF_MILLIS);
            } catch (RuntimeException e) {
                log.error("The live feed failed to deliver a batch; retrying", e);
                sleep(backoff);
                backoff = Math.min(backoff * 2, LAST_BACKOFF_MILLIS);
            }
        }
    }

    private Connection listen() throws SQLException {
        Connection c = listenerSource.getConnection();
        c.setAutoCommit(true);
        try (Statement statement = c.createStatement()) {
            statement.execute("LISTEN " + CatalogueChanges.CHANNEL);
        }
        return c;
    }

    /** Every entry that became deliverable since the last read, in batches. */
    private void readNew(Outbox outbox) {
        while (!closing) {
            OutboxPosition from;
            synchronized (subscribers) {
                from = cursor;
            }
            List<OutboxEntry> batch = outbox.after(from, BATCH);
            reads.increment();
            if (batch.isEmpty()) {
                return;
            }
            invalidateCache(batch);
            List<OutboxEntry> wanted;
            synchronized (subscribers) {
                wanted = batch.stream().filter(e -> subscribers.stream().anyMatch(s -> s.wants(e.entry()))).toList();
            }
            List<LiveEvent> events = wanted.isEmpty() ? List.of() : loader.load(wanted);
            Set<LiveSubscription> offered = new HashSet<>();
            // Queued under the lock (so a subscriber joining now gets each event once: queued here, or read by
            // its catch-up), handed on outside it.
            synchronized (subscribers) {
                for (LiveEvent event : events) {
                    for (LiveSubscription subscriber : subscribers) {
                        if (subscriber.wants(event.entry())) {
                            subscriber.offer(event);
                            offered.add(subscriber);
                            delivered.increment();
                        }
                    }
                }
                cursor = batch.get(batch.size() - 1).position();
            }
            offered.forEach(LiveSubscription::drain);
            if (batch.size() < BATCH) {
                return;
            }
        }
    }

    /**
     * Other instances' writes (and the import command's, or plain SQL's) move this instance's result cache on, from
     * the same entries subscribers hear of, before they hear of them.
     */
    private void invalidateCache(List<OutboxEntry> batch) {
        Set<Long> movies = new HashSet<>();
        boolean other = false;
        for (OutboxEntry e : batch) {
            // This instance's own writes moved it at commit; accounts are in no answer the cache keeps (anonymous).
            if (origin.equals(e.origin()) || e.entry().entityType().equals("user")) {
                continue;
            }
            if (e.entry().entityType().equals("movie")) {
                movies.add(e.entry().entityId());
            } else {
                other = true;
            }
        }
        if (other) {
            catalogue.apply(CatalogueChange.EVERYTHING);
        } else if (!movies.isEmpty()) {
            catalogue.apply(CatalogueChange.of(movies));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeConnection() {
        Connection c = connection;
        connection = null;
        org.jooq.tools.jdbc.JDBCUtils.safeClose(c);
    }

    /** Stops reading and ends every subscription (each transport sends its "complete"); clients resume elsewhere. */
    @Override
    public void close() {
        closing = true;
        closeConnection(); // ends a blocking wait for notifications
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<LiveSubscription> open;
        synchronized (subscribers) {
            open = List.copyOf(subscribers);
        }
        open.forEach(LiveSubscription::complete);
    }
}
