package org.mymoviedb.bench.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The peak resident set of a process and its descendants (a launcher script and the java it started), sampled
 * from /proc, as bench/run measures every server.
 */
final class TreeRss {

    private final String name;
    private final long pid;
    private final AtomicLong peakKb = new AtomicLong();

    TreeRss(String name, long pid) {
        this.name = name;
        this.pid = pid;
    }

    void sample() {
        ProcessHandle.of(pid).ifPresent(root -> {
            long kb = Stream.concat(Stream.of(root), root.descendants()).mapToLong(p -> rssKb(p.pid())).sum();
            peakKb.accumulateAndGet(kb, Math::max);
        });
    }

    String name() {
        return name;
    }

    double peakMb() {
        return peakKb.get() / 1024.0;
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // exited between the listing and the read
        }
        return 0;
    }
}
