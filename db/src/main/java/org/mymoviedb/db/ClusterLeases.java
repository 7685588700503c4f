package org.mymoviedb.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who uses one embedded cluster: every user holds a lease, a file named after its process that it keeps locked
 * while it runs, so the last one out knows it may stop PostgreSQL. The operating system drops a file lock when its
 * process dies, even by kill -9, so a lease nobody holds locked belongs to a process that is gone and is swept.
 * Callers take, release and count leases only while holding the cluster's start lock, which makes it race-free.
 */
final class ClusterLeases {

    private static final Logger log = LoggerFactory.getLogger(ClusterLeases.class);
    private static final String SUFFIX = ".lease";
    private static final AtomicLong SEQUENCE = new AtomicLong();
    /**
     * This JVM's own leases. They are never opened a second time: closing any channel on a file drops every lock
     * this process holds on it (POSIX), so probing one of our own leases would release it.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path directory;

    private ClusterLeases(Path directory) {
        this.directory = directory;
    }

    /** The leases on the cluster in {@code data}: files in the directory next to it, {@code <data>.leases}. */
    static ClusterLeases of(Path data) {
        return new ClusterLeases(data.resolveSibling(data.getFileName() + ".leases"));
    }

    Path directory() {
        return directory;
    }

    /** A new lease for this process, locked until {@link Lease#release()} or the process's end. */
    Lease take() throws IOException {
        Files.createDirectories(directory);
        long pid = ProcessHandle.current().pid();
        Path file = directory.resolve(pid + "-" + SEQUENCE.incrementAndGet() + SUFFIX);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.lock();
            // For a person looking at the directory: whose lease this is. Liveness is the lock, never this text.
            String holder = "pid " + pid + ", " + ProcessHandle.current().info().commandLine().orElse("?")
                    + ", since " + Instant.now() + "\n";
            channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)));
            HELD_HERE.add(file);
            return new Lease(file, channel, lock, pid);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /**
     * The process ids of every live lease but {@code mine}; leases of processes that are gone are deleted on the way.
     */
    List<Long> holdersOtherThan(Lease mine) throws IOException {
        List<Long> holders = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return holders;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
        long ourPid = ProcessHandle.current().pid();
        for (Path file : files) {
            if (mine != null && file.equals(mine.file())) {
                continue;
            }
            long pid = pidOf(file);
            if (HELD_HERE.contains(file)) {
                holders.add(pid);
            } else if (pid != ourPid && isLocked(file)) {
                holders.add(pid);
            } else {
                // Nobody holds it: its process is gone (kill -9), or it was an earlier process that had our pid
                // (a container's pid 1), which must not count as us.
                log.info("Embedded PostgreSQL: removing the lease of process {}, which is gone", pid);
                Files.deleteIfExists(file);
            }
        }
        return holders;
    }

    /** Whether another live process holds {@code file} locked. */
    private static boolean isLocked(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (NoSuchFileException released) {
            return false;
        } catch (OverlappingFileLockException heldInThisJvm) {
            return true;
        }
    }

    private static long pidOf(Path file) {
        String name = file.getFileName().toString();
        int dash = name.indexOf('-');
        try {
            return Long.parseLong(dash < 0 ? name.substring(0, name.length() - SUFFIX.length()) : name.substring(0, dash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** One process's use of the cluster: its lease file, held locked through {@code channel}. */
    record Lease(Path file, FileChannel channel, FileLock lock, long pid) {

        /** Gives the lease up: the file goes while still locked, so at no moment does it pass for a dead process's. */
        void release() throws IOException {
            try {
                Files.deleteIfExists(file);
                lock.release();
            } finally {
                channel.close();
                HELD_HERE.remove(file);
            }
        }
    }
}
