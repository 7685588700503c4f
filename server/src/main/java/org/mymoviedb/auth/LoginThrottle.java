package org.mymoviedb.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Failed sign-ins counted per username, per client address and per known device (a username that signed in
 * successfully from that address before), in this process. Each tally allows a few free failures, then waits
 * twice as long after every further one (30 s, 1 min, 2 min, ... at most the window): a gradual lockout, not a
 * wall. A password is checked only after every tally it counts against has reserved the attempt, atomically, so
 * concurrent attempts cannot check more passwords than the tallies allow.
 *
 * <p>Others' failures never block a known device: a username signing in from an address where it signed in
 * successfully in the last {@link #KNOWN_DEVICE_TTL} is throttled on that pair's own failures only, so one
 * office behind NAT, or someone guessing from elsewhere, does not lock out a colleague whose sign-ins work.
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

    private final Cache<String, Tally> tallies;
    private final Cache<String, Boolean> knownDevices;
    private final Ticker ticker;
    private final long longestWaitNanos;

    public LoginThrottle(Duration window) {
        this(window, Ticker.systemTicker());
    }

    /** With {@code ticker} as the clock, for tests that step through the waits. */
    public LoginThrottle(Duration window, Ticker ticker) {
        this.ticker = ticker;
        this.longestWaitNanos = window.toNanos();
        // A tally is forgotten a window after its last change; by then any wait it set has run out.
        this.tallies = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(window.multipliedBy(2))
                .maximumSize(100_000).build();
        this.knownDevices = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(KNOWN_DEVICE_TTL)
                .maximumSize(100_000).build();
    }

    /**
     * Reserves one password check for {@code username} from {@code address}, or refuses it with how long to wait.
     * The caller ends an allowed attempt with {@link Attempt#failed()} or {@link Attempt#succeeded()}, and closes it
     * whatever happened.
     */
    public Attempt begin(String username, String address) {
        String user = username.toLowerCase(Locale.ROOT);
        String device = "d:" + user + "|" + address;
        List<Limit> limits = knownDevices.getIfPresent(device) != null
                ? List.of(new Limit(device, MAX_FAILURES_PER_USERNAME))
                : List.of(new Limit("u:" + user, MAX_FAILURES_PER_USERNAME),
                        new Limit("a:" + address, MAX_FAILURES_PER_ADDRESS));
        // Failures always count against all three, whichever of them decides this attempt.
        List<String> counted = List.of("u:" + user, "a:" + address, device);
        List<Limit> reserved = new ArrayList<>();
        for (Limit limit : limits) {
            long[] wait = {0};
            tallies.asMap().compute(limit.key(), (key, tally) -> {
                Tally t = tally == null ? new Tally() : tally;
                wait[0] = t.reserve(limit.free(), ticker.read());
                return t;
            });
            if (wait[0] > 0) {
                reserved.forEach(this::release);
                return new Attempt(this, List.of(), List.of(), device, Duration.ofNanos(wait[0]));
            }
            reserved.add(limit);
        }
        return new Attempt(this, reserved, counted, device, Duration.ZERO);
    }

    private void release(Limit limit) {
        tallies.asMap().computeIfPresent(limit.key(), (key, tally) -> tally.release());
    }

    private void fail(Attempt attempt) {
        long now = ticker.read();
        for (String key : attempt.counted) {
            int free = key.startsWith("a:") ? MAX_FAILURES_PER_ADDRESS : MAX_FAILURES_PER_USERNAME;
            boolean reserved = attempt.reserved.stream().anyMatch(limit -> limit.key().equals(key));
            tallies.asMap().compute(key, (k, tally) -> (tally == null ? new Tally() : tally)
                    .fail(reserved, free, now, longestWaitNanos));
        }
    }

    private void succeed(Attempt attempt) {
        for (Limit limit : attempt.reserved) {
            if (limit.key().startsWith("a:")) {
                release(limit); // others' failures from this address still stand
            } else {
                tallies.invalidate(limit.key());
            }
        }
        tallies.invalidate(attempt.device);
        knownDevices.put(attempt.device, Boolean.TRUE);
    }

    /** A reserved sign-in attempt, or a refused one with the time to wait. */
    public static final class Attempt implements AutoCloseable {

        private final LoginThrottle throttle;
        private final List<Limit> reserved;
        private final List<String> counted;
        private final String device;
        private final Duration retryAfter;
        private boolean ended;

        private Attempt(LoginThrottle throttle, List<Limit> reserved, List<String> counted, String device,
                        Duration retryAfter) {
            this.throttle = throttle;
            this.reserved = reserved;
            this.counted = counted;
            this.device = device;
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
            end(() -> reserved.forEach(throttle::release));
        }

        private void end(Runnable how) {
            if (!ended) {
                ended = true;
                how.run();
            }
        }
    }

    private record Limit(String key, int free) {
    }

    /** One tally's failures, checks under way and the end of its wait; changed only inside a map compute. */
    private static final class Tally {
        private int failures;
        private int checking;
        private long blockedUntil;
        private boolean waiting;

        /** Reserves a check and answers 0, or answers the nanoseconds to wait. */
        long reserve(int free, long now) {
            if (waiting && blockedUntil - now > 0) {
                return blockedUntil - now;
            }
            // Within the free failures, as many checks as failures are left; past them, one at a time.
            if (failures + checking < free || (failures >= free && checking == 0)) {
                checking++;
                return 0;
            }
            return BUSY_WAIT.toNanos();
        }

        Tally release() {
            checking = Math.max(0, checking - 1);
            return this;
        }

        Tally fail(boolean reserved, int free, long now, long longestWait) {
            if (reserved) {
                release();
            }
            failures++;
            if (failures >= free) {
                int doublings = Math.min(failures - free, 20);
                waiting = true;
                blockedUntil = now + Math.min(longestWait, FIRST_WAIT.toNanos() << doublings);
            }
            return this;
        }
    }
}
