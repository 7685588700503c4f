package org.mymoviedb.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.mymoviedb.data.ReadRoute;

/**
 * Failed sign-ins counted per username, per client address and per known device (a username that signed in
 * successfully from that address before), in PostgreSQL (table {@code sign_in_tally}, migration V10), so every
 * instance on the database counts the same failures. Each tally allows a few free failures, then waits twice as
 * long after every further one (30 s, 1 min, 2 min, ... at most the window): a gradual lockout, not a wall. A
 * password is checked only after every tally it counts against has reserved the attempt, atomically (one statement
 * that locks the tallies in key order), so concurrent attempts, on one instance or several, cannot check more
 * passwords than the tallies allow. A reservation whose instance died lapses after {@link #LEASE}.
 *
 * <p>Others' failures never block a known device: a username signing in from an address where it signed in
 * successfully in the last {@link #KNOWN_DEVICE_TTL} is throttled on that pair's own failures only, so one
 * office behind NAT, or someone guessing from elsewhere, does not lock out a colleague whose sign-ins work.
 *
 * <p>An attempt costs two statements: the reservation, then its outcome. The table stays bounded: a tally expires
 * twice the window after its last change (a known device after {@link #KNOWN_DEVICE_TTL}), and every allowed
 * attempt deletes up to 16 expired rows while making at most three. Call it from a database thread.
 */
public final class LoginThrottle {

    /** Free failures per username (and per known device) before the waits start. */
    public static final int MAX_FAILURES_PER_USERNAME = 5;
    /** Free failures per client address before the waits start. */
    public static final int MAX_FAILURES_PER_ADDRESS = 20;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration KNOWN_DEVICE_TTL = Duration.ofDays(30);
    /** The wait asked of an attempt refused only because another attempt holds the last free check. */
    static final Duration BUSY_WAIT = Duration.ofSeconds(1);
    /** How long a reserved check counts when its attempt never ends (its instance died mid-check). */
    static final Duration LEASE = Duration.ofMinutes(1);

    /** The database's clock, moved on by {@code ahead}: every instance reads the same time. */
    private static final String AT = "now() + ?::bigint * interval '1 microsecond'";
    private static final String INTERVAL = "?::bigint * interval '1 microsecond'";

    private final DSLContext dsl;
    private final Duration window;
    private final Duration keep;
    private final Supplier<Duration> ahead;

    public LoginThrottle(DSLContext dsl, Duration window) {
        this(dsl, window, () -> Duration.ZERO);
    }

    /** With the database's clock run {@code ahead}, for tests that step through the waits. */
    public LoginThrottle(DSLContext dsl, Duration window, Supplier<Duration> ahead) {
        this.dsl = dsl;
        this.window = window;
        // A tally is forgotten a window after its wait could last run out.
        this.keep = window.multipliedBy(2);
        this.ahead = ahead;
    }

    /**
     * Reserves one password check for {@code username} from {@code address}, or refuses it with how long to wait.
     * The caller ends an allowed attempt with {@link Attempt#failed()} or {@link Attempt#succeeded()}, and closes it
     * whatever happened.
     */
    public Attempt begin(String username, String address) {
        String user = username.toLowerCase(Locale.ROOT);
        Keys keys = new Keys(tally("u:" + user), tally("a:" + address), tally("d:" + user + "|" + address));
        Record reserved = ReadRoute.primary(() -> dsl.resultQuery(
                "select (extract(epoch from wait) * 1000000)::bigint, known_device"
                        + " from sign_in_reserve(?, ?, ?, ?, ?, " + AT + ", " + INTERVAL + ", " + INTERVAL + ", "
                        + INTERVAL + ")",
                keys.username, keys.address, keys.device, MAX_FAILURES_PER_USERNAME, MAX_FAILURES_PER_ADDRESS,
                micros(ahead.get()), micros(BUSY_WAIT), micros(LEASE), micros(keep))
                .fetchSingle());
        Duration wait = Duration.ofNanos(reserved.get(0, Long.class) * 1000);
        return new Attempt(this, keys, reserved.get(1, Boolean.class), wait);
    }

    private void fail(Attempt attempt) {
        boolean known = attempt.knownDevice;
        Keys keys = attempt.keys;
        ReadRoute.primary(() -> dsl.resultQuery("select sign_in_failed(ARRAY[?::bytea, ?::bytea, ?::bytea],"
                        + " ARRAY[?::integer, ?::integer, ?::integer], ARRAY[?::boolean, ?::boolean, ?::boolean], "
                        + AT + ", " + INTERVAL + ", " + INTERVAL + ", " + INTERVAL + ")",
                keys.username, keys.address, keys.device,
                MAX_FAILURES_PER_USERNAME, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_USERNAME,
                !known, !known, known,
                micros(ahead.get()), micros(FIRST_WAIT), micros(window), micros(keep)).fetch());
    }

    private void succeed(Attempt attempt) {
        Keys keys = attempt.keys;
        ReadRoute.primary(() -> dsl.resultQuery("select sign_in_succeeded(?, ?, ?, ?, " + AT + ", " + INTERVAL + ", "
                        + INTERVAL + ")",
                keys.username, keys.address, keys.device, attempt.knownDevice, micros(ahead.get()),
                micros(KNOWN_DEVICE_TTL), micros(keep)).fetch());
    }

    private void release(Attempt attempt) {
        List<byte[]> held = attempt.knownDevice ? List.of(attempt.keys.device)
                : List.of(attempt.keys.username, attempt.keys.address);
        ReadRoute.primary(() -> dsl.resultQuery("select sign_in_release(ARRAY[" + String.join(", ",
                Collections.nCopies(held.size(), "?::bytea")) + "])", held.toArray()).fetch());
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1000;
    }

    /** A tally's key: the SHA-256 of what it counts, so no typed username is stored as typed. */
    private static byte[] tally(String counted) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(counted.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Keys(byte[] username, byte[] address, byte[] device) {
    }

    /** A reserved sign-in attempt, or a refused one with the time to wait. */
    public static final class Attempt implements AutoCloseable {

        private final LoginThrottle throttle;
        private final Keys keys;
        private final boolean knownDevice;
        private final Duration retryAfter;
        private boolean ended;

        private Attempt(LoginThrottle throttle, Keys keys, boolean knownDevice, Duration retryAfter) {
            this.throttle = throttle;
            this.keys = keys;
            this.knownDevice = knownDevice;
            this.retryAfter = retryAfter;
            this.ended = !retryAfter.isZero();
        }

        public boolean allowed() {
            return retryAfter.isZero();
        }

        /** How long to wait before the next attempt can be checked; zero when this one is allowed. */
        public Duration retryAfter() {
            return retryAfter;
        }

        public void failed() {
            end(() -> throttle.fail(this));
        }

        public void succeeded() {
            end(() -> throttle.succeed(this));
        }

        /** Gives the reservation back if the attempt ended neither way (the database failed, say). */
        @Override
        public void close() {
            end(() -> throttle.release(this));
        }

        private void end(Runnable how) {
            if (!ended) {
                ended = true;
                how.run();
            }
        }
    }
}
