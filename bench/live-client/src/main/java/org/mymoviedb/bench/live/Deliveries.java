package org.mymoviedb.bench.live;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What every subscriber received, shared: movies by a dense number (the same for the writer's answers and the
 * events), how many streams received each, and the delivery latency of every event while measuring, from the
 * event's {@code at} (the write's transaction time, on the database's clock: this machine's) to its receipt, in a
 * histogram of 0.1 ms buckets.
 */
final class Deliveries {

    private static final int MAX_MOVIES = 1 << 16;
    private static final int BUCKETS = 300_000; // 0.1 ms each: 30 s

    private final ConcurrentHashMap<String, Integer> numbers = new ConcurrentHashMap<>();
    private final AtomicInteger nextNumber = new AtomicInteger();
    private final ConcurrentHashMap<String, Long> atMicros = new ConcurrentHashMap<>();
    private final AtomicIntegerArray receivers = new AtomicIntegerArray(MAX_MOVIES);
    private final AtomicLongArray latency = new AtomicLongArray(BUCKETS + 1);
    private final AtomicLong measured = new AtomicLong();
    private final AtomicLong maxMicros = new AtomicLong();
    private final AtomicLong errorFrames = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    /** Per second of receipt while measuring: the deliveries, those over the p99 target, and the slowest. */
    private final AtomicLongArray perSecond = new AtomicLongArray(3 * 600);
    private volatile long measuringSince;
    private volatile String firstError;
    private volatile boolean measuring;

    /** The movie's number, given on first sight. */
    int number(String movieId) {
        return numbers.computeIfAbsent(movieId, id -> nextNumber.getAndIncrement());
    }

    /** A {@code next} frame's data; answers the created movie's number, or -1 for any other event. */
    int received(String data) {
        long now = micros(Instant.now());
        frames.incrementAndGet();
        String kind = field(data, "kind");
        if (kind == null) {
            errorFrames.incrementAndGet();
            if (firstError == null) {
                firstError = data.substring(0, Math.min(300, data.length()));
            }
            return -1;
        }
        if (!"CREATED".equals(kind)) {
            return -1;
        }
        String movieId = field(data, "movieId");
        String at = field(data, "at");
        if (movieId == null || at == null) {
            return -1;
        }
        int movie = number(movieId);
        if (movie < MAX_MOVIES) {
            receivers.incrementAndGet(movie);
        }
        if (measuring) {
            long micros = now - atMicros.computeIfAbsent(at, t -> micros(OffsetDateTime.parse(t).toInstant()));
            latency.incrementAndGet((int) Math.max(0, Math.min(BUCKETS, micros / 100)));
            measured.incrementAndGet();
            maxMicros.accumulateAndGet(micros, Math::max);
            int second = (int) ((now - measuringSince) / 1_000_000);
            if (second >= 0 && second < 600) {
                perSecond.incrementAndGet(3 * second);
                if (micros > LiveBench.P99_TARGET_MS * 1000) {
                    perSecond.incrementAndGet(3 * second + 1);
                }
                perSecond.accumulateAndGet(3 * second + 2, micros, Math::max);
            }
        }
        return movie;
    }

    /** How many streams received the movie numbered {@code movie}. */
    int receivers(int movie) {
        return movie < MAX_MOVIES ? receivers.get(movie) : 0;
    }

    void measuring(boolean on) {
        if (on) {
            measuringSince = micros(Instant.now());
        }
        measuring = on;
    }

    /** Each second of measuring as "deliveries/over the target/slowest ms", for the log: where the slow ones were. */
    String seconds() {
        StringBuilder out = new StringBuilder();
        for (int second = 0; second < 600 && perSecond.get(3 * second) > 0; second++) {
            out.append(second).append(':').append(perSecond.get(3 * second)).append('/')
                    .append(perSecond.get(3 * second + 1)).append('/')
                    .append(perSecond.get(3 * second + 2) / 1000).append(' ');
        }
        return out.toString().trim();
    }

    /** The latency (ms) under which {@code share} of the measured deliveries arrived; NaN when none was measured. */
    double percentileMillis(double share) {
        long total = measured.get();
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(share * total);
        long seen = 0;
        for (int bucket = 0; bucket <= BUCKETS; bucket++) {
            seen += latency.get(bucket);
            if (seen >= rank) {
                return (bucket + 1) / 10.0;
            }
        }
        return BUCKETS / 10.0;
    }

    double maxMillis() {
        return maxMicros.get() / 1000.0;
    }

    long measured() {
        return measured.get();
    }

    long frames() {
        return frames.get();
    }

    long errorFrames() {
        return errorFrames.get();
    }

    String firstError() {
        return firstError;
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }

    /** A string field of a small JSON text, found by name (the server's JSON has no spaces to skip, but allow). */
    static String field(String json, String name) {
        String key = "\"" + name + "\"";
        int at = json.indexOf(key);
        if (at < 0) {
            return null;
        }
        int colon = json.indexOf(':', at + key.length());
        int i = colon + 1;
        while (i < json.length() && json.charAt(i) == ' ') {
            i++;
        }
        if (colon < 0 || i >= json.length() || json.charAt(i) != '"') {
            return null;
        }
        int end = json.indexOf('"', i + 1);
        return end < 0 ? null : json.substring(i + 1, end);
    }
}
