package org.mymoviedb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.mymoviedb.db.ConnectionSettings;
import org.mymoviedb.db.EmbeddedPostgres;

/**
 * A PostgreSQL cluster of a test's own, which the test may stop ({@code pg_ctl stop -m immediate|fast}) and start
 * again on the same port, under a running server. The build's embedded PostgreSQL in a temporary directory: same
 * binaries, same way of running as root (a user namespace).
 */
public final class StoppablePostgres implements AutoCloseable {

    private final Path directory;
    private final EmbeddedPostgres postgres;
    private final Path pgCtl;

    private StoppablePostgres(Path directory, EmbeddedPostgres postgres, Path pgCtl) {
        this.directory = directory;
        this.postgres = postgres;
        this.pgCtl = pgCtl;
    }

    public static StoppablePostgres start() {
        try {
            Path directory = Files.createTempDirectory("mymoviedb-outage-");
            EmbeddedPostgres postgres = EmbeddedPostgres.start(directory.resolve("postgres"));
            // The binaries the cluster runs: the postmaster's own executable, beside which pg_ctl lives.
            long pid = Long.parseLong(Files.readAllLines(postgres.dataDirectory().resolve("postmaster.pid")).get(0).trim());
            Path postgresBinary = Path.of("/proc", Long.toString(pid), "exe").toRealPath();
            return new StoppablePostgres(directory, postgres, postgresBinary.resolveSibling("pg_ctl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ConnectionSettings settings(String database) {
        return postgres.settings(database);
    }

    /** {@code pg_ctl stop -m mode}: "immediate" (a crash, no checkpoint) or "fast" (clients cut off, then a checkpoint). */
    public void stop(String mode) {
        pgCtl("stop", "-D", postgres.dataDirectory().toString(), "-m", mode, "-w", "-t", "60");
    }

    /** Starts the cluster again, on the port it had. */
    public void startAgain() {
        pgCtl("start", "-D", postgres.dataDirectory().toString(), "-w", "-t", "60",
                "-l", directory.resolve("postgres.log").toString(), "-o", "-p " + postgres.port());
    }

    private void pgCtl(String... args) {
        List<String> command = new ArrayList<>();
        if (new com.sun.security.auth.module.UnixSystem().getUid() == 0) {
            // As EmbeddedPostgres runs it: PostgreSQL refuses root, so root runs it as an ordinary user of a namespace.
            command.addAll(List.of("unshare", "--user", "--map-user=1000", "--map-group=1000", "--"));
        }
        command.add(pgCtl.toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("pg_ctl " + String.join(" ", args) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind is harmless
            }
        }
    }
}
