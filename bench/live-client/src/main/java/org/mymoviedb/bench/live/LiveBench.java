package org.mymoviedb.bench.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * W7: {@code --subscribers} GraphQL-over-SSE streams to {@code movieChanged} on instance B while an editor creates
 * {@code --rate} movies a second through instance A for {@code --seconds}; prints the delivery latency (p50, p99,
 * max), the events lost (every stream must receive every acknowledged create), both instances' peak RSS, the met or
 * missed targets, and one {@code BENCH_RESULT <json>} line for bench/run. See bench/README.md, "W7".
 *
 * <pre>
 * java -jar bench/live-client/target/mymoviedb-bench-live-client.jar --subscribe http://127.0.0.1:18082/graphql \
 *   --write http://127.0.0.1:18080/graphql --token TOKEN [--subscribers 1000] [--rate 100] [--seconds 30] \
 *   [--warmup 5] [--drain 10] [--rss A=PID --rss B=PID] [--run-id ID]
 * </pre>
 */
public final class LiveBench {

    static final double P99_TARGET_MS = 200;
    static final double RSS_TARGET_MB = 300;
    /** Streams being opened at once: a thousand SYNs at a time would overflow the server's accept backlog. */
    private static final int OPENING_AT_ONCE = 100;

    private LiveBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> options = options(args);
        URI subscribe = URI.create(one(options, "subscribe", null));
        URI write = URI.create(one(options, "write", null));
        String token = one(options, "token", System.getenv("BENCH_TOKEN"));
        int subscribers = Integer.parseInt(one(options, "subscribers", "1000"));
        int rate = Integer.parseInt(one(options, "rate", "100"));
        int seconds = Integer.parseInt(one(options, "seconds", "30"));
        int drain = Integer.parseInt(one(options, "drain", "10"));
        int warmup = Integer.parseInt(one(options, "warmup", "5"));
        String runId = one(options, "run-id", Long.toString(System.currentTimeMillis()));
        List<TreeRss> rss = new ArrayList<>();
        for (String named : options.getOrDefault("rss", List.of())) {
            String[] parts = named.split("=", 2);
            rss.add(new TreeRss(parts[0], Long.parseLong(parts[1])));
        }
        if (token == null) {
            throw new IllegalArgumentException("--token (or BENCH_TOKEN): an editor's bearer token for the writes");
        }

        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(daemon("rss"));
        sampler.scheduleAtFixedRate(() -> rss.forEach(TreeRss::sample), 0, 500, TimeUnit.MILLISECONDS);
        HttpClient writes = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(2, daemon("write")))
                .build();
        Deliveries deliveries = new Deliveries();

        log("opening %d SSE subscriptions to movieChanged on %s", subscribers, subscribe);
        long openStarted = System.nanoTime();
        String body = "{\"query\":\"" + SseSubscriber.SUBSCRIPTION + "\"}";
        SseStreams streams = new SseStreams(subscribe, body);
        List<SseSubscriber> all = new ArrayList<>();
        Semaphore opening = new Semaphore(OPENING_AT_ONCE);
        for (int i = 0; i < subscribers; i++) {
            opening.acquire();
            SseSubscriber subscriber = new SseSubscriber(deliveries);
            all.add(subscriber);
            streams.open(subscriber);
            subscriber.opened().whenComplete((status, error) -> opening.release());
        }
        int open = 0;
        String refusal = null;
        for (SseSubscriber subscriber : all) {
            int status = subscriber.opened().get(120, TimeUnit.SECONDS);
            if (status == 200) {
                open++;
            } else if (refusal == null) {
                Thread.sleep(200); // the refusal's body
                refusal = subscriber.failure() != null ? subscriber.failure() : "HTTP " + status;
            }
        }
        double openSeconds = (System.nanoTime() - openStarted) / 1e9;
        log("%d of %d streams open in %.1f s%s", open, subscribers, openSeconds,
                refusal == null ? "" : "; the first refused: " + refusal);

        MovieWriter writer = new MovieWriter(writes, write, token, runId, deliveries);
        // A probe write that every open stream must receive: then each subscription is live on B.
        int probe = writer.createNow("probe");
        long probeDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (probe >= 0 && deliveries.receivers(probe) < open && System.nanoTime() < probeDeadline) {
            Thread.sleep(20);
        }
        int probeReceivers = probe >= 0 ? deliveries.receivers(probe) : 0;
        log("probe write: %s, received by %d of %d open streams", probe >= 0 ? "acknowledged" : "FAILED ("
                + writer.firstFailure() + ")", probeReceivers, open);

        if (warmup > 0) {
            // A fresh JVM's first writes and deliveries run interpreted; they still count towards events lost.
            log("warm-up: %d movies/s for %d s, latency not measured", rate, warmup);
            writer.run(rate, Duration.ofSeconds(warmup));
        }
        int warmupWrites = writer.sent();
        log("writing %d movies/s through %s for %d s", rate, write, seconds);
        long cpuBefore = cpuMillis();
        deliveries.measuring(true);
        long writeStarted = System.nanoTime();
        writer.run(rate, Duration.ofSeconds(seconds));
        double writeSeconds = (System.nanoTime() - writeStarted) / 1e9;
        int[] acknowledged = writer.acknowledged();
        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(drain);
        while (System.nanoTime() < drainDeadline && !allDelivered(deliveries, acknowledged, open)) {
            Thread.sleep(50);
        }
        deliveries.measuring(false);
        long cpuMillis = cpuMillis() - cpuBefore;
        rss.forEach(TreeRss::sample);

        long lost = 0;
        long duplicates = 0;
        int endedEarly = 0;
        String firstEnd = null;
        for (SseSubscriber subscriber : all) {
            if (subscriber.opened().getNow(-1) != 200) {
                continue;
            }
            lost += subscriber.missing(acknowledged);
            duplicates += subscriber.duplicates();
            if (subscriber.ended()) {
                endedEarly++;
                if (firstEnd == null) {
                    firstEnd = subscriber.failure();
                }
            }
        }
        streams.close();
        sampler.shutdownNow();

        int measuredWrites = acknowledged.length - (probe >= 0 ? 1 : 0);
        int writesSent = writer.sent() - 1;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("subscribers", subscribers);
        result.put("streams_open", open);
        result.put("open_s", round(openSeconds));
        result.put("first_refusal", refusal);
        result.put("probe_receivers", probeReceivers);
        result.put("writes_per_s_asked", rate);
        result.put("writes_sent", writesSent);
        result.put("warmup_s", warmup);
        result.put("writes_acknowledged", measuredWrites);
        result.put("writes_failed", writer.failed());
        result.put("writes_behind_schedule", writer.behind());
        result.put("first_write_failure", writer.firstFailure());
        result.put("writes_per_s", round((writer.sent() - warmupWrites) / writeSeconds));
        result.put("events_expected", (long) acknowledged.length * open);
        result.put("events_lost", lost);
        result.put("duplicates", duplicates);
        result.put("streams_ended_early", endedEarly);
        result.put("first_stream_end", firstEnd);
        result.put("frames", deliveries.frames());
        result.put("error_frames", deliveries.errorFrames());
        result.put("first_error_frame", deliveries.firstError());
        result.put("latencies_measured", deliveries.measured());
        result.put("p50_ms", round(deliveries.percentileMillis(0.50)));
        result.put("p99_ms", round(deliveries.percentileMillis(0.99)));
        result.put("max_ms", round(deliveries.maxMillis()));
        for (TreeRss tree : rss) {
            result.put("rss_" + tree.name().toLowerCase(Locale.ROOT) + "_mb", round(tree.peakMb()));
        }
        result.put("client_cpu_s", round(cpuMillis / 1000.0));
        result.put("seconds", seconds);

        log("%d writes acknowledged of %d sent (warm-up included; %.1f/s sent while measuring, of %d asked; %d failed,"
                + " %d ticks behind schedule)", measuredWrites, writesSent, (writer.sent() - warmupWrites) / writeSeconds,
                rate, writer.failed(), writer.behind());
        log("delivery latency (event's at -> receipt): p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d deliveries",
                deliveries.percentileMillis(0.50), deliveries.percentileMillis(0.99), deliveries.maxMillis(),
                deliveries.measured());
        log("events lost (not received %d s after the last write): %d of %d; %d streams ended early%s;"
                + " %d error frames", drain, lost,
                (long) acknowledged.length * open, endedEarly, firstEnd == null ? "" : " (" + firstEnd + ")",
                deliveries.errorFrames());
        log("each second (deliveries/over %.0f ms/slowest ms): %s", P99_TARGET_MS, deliveries.seconds());
        for (TreeRss tree : rss) {
            log("instance %s: peak RSS %.0f MB", tree.name(), tree.peakMb());
        }
        log("this client used %.1f s of CPU over the %.0f s of writing and draining", cpuMillis / 1000.0,
                writeSeconds + drain);
        double p99 = deliveries.percentileMillis(0.99);
        target(String.format("W7 p99 delivery latency <= %.0f ms", P99_TARGET_MS), String.format("%.1f ms", p99),
                p99 <= P99_TARGET_MS);
        target("W7 events lost = 0 (every one of " + subscribers + " subscribers receives every write)",
                lost + " lost, " + (subscribers - open) + " not opened, " + endedEarly + " ended early",
                lost == 0 && open == subscribers && endedEarly == 0 && measuredWrites > 0);
        for (TreeRss tree : rss) {
            target(String.format("W7 instance %s peak RSS <= %.0f MB", tree.name(), RSS_TARGET_MB),
                    String.format("%.0f MB", tree.peakMb()), tree.peakMb() <= RSS_TARGET_MB);
        }
        System.out.println("BENCH_RESULT " + json(result));
    }

    private static boolean allDelivered(Deliveries deliveries, int[] movies, int open) {
        for (int movie : movies) {
            if (deliveries.receivers(movie) < open) {
                return false;
            }
        }
        return true;
    }

    private static void target(String name, String measured, boolean met) {
        System.out.printf("TARGET %s: %s: %s%n", name, measured, met ? "met" : "MISSED");
    }

    private static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
    }

    private static double round(double value) {
        return Double.isNaN(value) ? -1 : Math.round(value * 10) / 10.0;
    }

    private static void log(String format, Object... args) {
        System.err.printf("[W7] " + format + "%n", args);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static Map<String, List<String>> options(String[] args) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
        }
        return options;
    }

    private static String one(Map<String, List<String>> options, String name, String fallback) {
        List<String> values = options.get(name);
        if (values == null) {
            if (fallback == null && !"token".equals(name)) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return fallback;
        }
        return values.get(values.size() - 1);
    }

    /** JSON of flat values: strings, numbers, null. */
    private static String json(Map<String, Object> values) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(entry.getKey()).append("\":");
            Object value = entry.getValue();
            if (value == null) {
                out.append("null");
            } else if (value instanceof Number) {
                out.append(value);
            } else {
                out.append('"');
                for (char c : value.toString().toCharArray()) {
                    if (c == '"' || c == '\\') {
                        out.append('\\').append(c);
                    } else if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
                out.append('"');
            }
        }
        return out.append('}').toString();
    }
}
