package org.mymoviedb.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.mymoviedb.db.ConnectionSettings;

/**
 * A primary and a streaming replica of a test's own: initdb, then {@code pg_basebackup -R} from the primary, each on a
 * free loopback port with trust authentication. The build's embedded binaries have no pg_basebackup, so this uses the
 * machine's PostgreSQL installation (all three programs of one version); as root, in a user namespace as
 * {@link StoppablePostgres} does.
 */
public final class StreamingReplica implements AutoCloseable {

    private final Path bin;
    private final Path directory;
    private final int primaryPort;
    private final int replicaPort;
    private boolean replicaRunning;

    private StreamingReplica(Path bin, Path directory, int primaryPort, int replicaPort) {
        this.bin = bin;
        this.directory = directory;
        this.primaryPort = primaryPort;
        this.replicaPort = replicaPort;
    }

    /** The machine's PostgreSQL programs (initdb, pg_ctl, pg_basebackup), if it has them. */
    public static Optional<Path> machineBinaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(dir -> Files.isExecutable(dir.resolve("pg_basebackup")))
                    .max(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static StreamingReplica start(Path bin) {
        try {
            Path directory = Files.createTempDirectory("mymoviedb-replica-");
            StreamingReplica pair = new StreamingReplica(bin, directory, freePort(), freePort());
            pair.startPair();
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startPair() throws IOException {
        Path primary = directory.resolve("primary");
        run("initdb", "-D", primary.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C");
        // wal_level=replica and max_wal_senders are the defaults; initdb's pg_hba.conf lets 127.0.0.1 replicate.
        Files.writeString(primary.resolve("postgresql.conf"), String.join("\n", "",
                "listen_addresses = '127.0.0.1'", "unix_socket_directories = ''", "max_connections = 60",
                "wal_keep_size = '64MB'", ""), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        run("pg_ctl", "-D", primary.toString(), "-l", directory.resolve("primary.log").toString(), "-w", "-t", "60",
                "-o", "-p " + primaryPort, "start");
        Path replica = directory.resolve("replica");
        run("pg_basebackup", "-h", "127.0.0.1", "-p", Integer.toString(primaryPort), "-U", "postgres", "-D",
                replica.toString(), "-R", "-X", "stream");
        startReplica();
    }

    /** Starts the replica (again), on its port. */
    public void startReplica() {
        run("pg_ctl", "-D", directory.resolve("replica").toString(), "-l", directory.resolve("replica.log").toString(),
                "-w", "-t", "60", "-o", "-p " + replicaPort, "start");
        replicaRunning = true;
    }

    /** Stops the replica at once, as a crash would. */
    public void stopReplica() {
        run("pg_ctl", "-D", directory.resolve("replica").toString(), "-m", "immediate", "-w", "-t", "60", "stop");
        replicaRunning = false;
    }

    /** Stops (true) or resumes (false) WAL replay on the replica: it stays up, but falls behind. */
    public void pauseReplay(boolean paused) {
        try (Connection connection = DriverManager.getConnection(
                replicaSettings("postgres").jdbcUrl(), "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(paused ? "SELECT pg_wal_replay_pause()" : "SELECT pg_wal_replay_resume()");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public ConnectionSettings primarySettings(String database) {
        return new ConnectionSettings("127.0.0.1", primaryPort, database, "postgres", null, Map.of());
    }

    public ConnectionSettings replicaSettings(String database) {
        return new ConnectionSettings("127.0.0.1", replicaPort, database, "postgres", null, Map.of());
    }

    /** The replica as DATABASE_REPLICA_URLS names it. */
    public String replicaUrl(String database) {
        return "postgres://postgres@127.0.0.1:" + replicaPort + "/" + database;
    }

    private void run(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (new com.sun.security.auth.module.UnixSystem().getUid() == 0) {
            command.addAll(List.of("unshare", "--user", "--map-user=1000", "--map-group=1000", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("LC_ALL", "C");
            builder.environment().remove("PGDATA");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(program + " " + String.join(" ", args) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            if (replicaRunning) {
                stopReplica();
            }
            run("pg_ctl", "-D", directory.resolve("primary").toString(), "-m", "immediate", "-w", "-t", "60", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind is harmless
            }
        }
    }
}
