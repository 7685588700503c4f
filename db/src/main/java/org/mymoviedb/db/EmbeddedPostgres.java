package org.mymoviedb.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server of this user's own, from the binaries on the classpath, with its data in a directory that
 * survives restarts. Works as root too: PostgreSQL refuses to run as root, so there its processes run inside a
 * user namespace in which they are an ordinary user.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String SUPERUSER = "postgres";
    private static final int UNPRIVILEGED_UID = 1000;
    private static final Object START_LOCK_IN_THIS_JVM = new Object();

    private final Path dataDirectory;
    private final PostgresBinaries binaries;
    private final int port;
    private final String password;
    private final boolean startedHere;
    private final ClusterLeases leases;
    private final ClusterLeases.Lease lease;
    private boolean closed;

    private EmbeddedPostgres(Path dataDirectory, PostgresBinaries binaries, int port, String password,
                             boolean startedHere, ClusterLeases leases, ClusterLeases.Lease lease) {
        this.dataDirectory = dataDirectory;
        this.binaries = binaries;
        this.port = port;
        this.password = password;
        this.startedHere = startedHere;
        this.leases = leases;
        this.lease = lease;
    }

    /**
     * The default data directory, by the XDG base directory rules: $XDG_DATA_HOME/mymoviedb/postgres, else
     * ~/.local/share/mymoviedb/postgres, where ~ is this account's home ({@code user.home}).
     */
    public static Path defaultDataDirectory(Map<String, String> env) {
        return userDirectory(env, "XDG_DATA_HOME", ".local/share").resolve("mymoviedb").resolve("postgres");
    }

    /**
     * {@code $xdgVariable}, else {@code fallbackUnderHome} in the home directory. The XDG specification has a
     * relative path in such a variable ignored as invalid, rather than resolved against whatever the working
     * directory happens to be.
     */
    static Path userDirectory(Map<String, String> env, String xdgVariable, String fallbackUnderHome) {
        String xdg = env.get(xdgVariable);
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg);
        }
        return Path.of(System.getProperty("user.home")).resolve(fallbackUnderHome);
    }

    /**
     * Starts the server on {@code dataDirectory}, creating the cluster on first use, or attaches to the server
     * already running there (another mymoviedb process, or the build's code generator). Either way this process
     * holds a lease on it until {@link #close()}.
     */
    public static EmbeddedPostgres start(Path dataDirectory) {
        Path data = dataDirectory.toAbsolutePath();
        try {
            Files.createDirectories(data.getParent());
            return underStartLock(data, () -> startLocked(data));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the embedded PostgreSQL in " + data, e);
        }
    }

    /**
     * Runs {@code step} holding the cluster's start lock: the file lock keeps other processes out, the monitor other
     * threads of this one (a JVM may not hold two locks on one file).
     */
    private static <T> T underStartLock(Path data, LockedStep<T> step) throws IOException {
        Path lockFile = data.resolveSibling(data.getFileName() + ".lock");
        synchronized (START_LOCK_IN_THIS_JVM) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                channel.lock(); // released when the channel closes
                return step.run();
            }
        }
    }

    private interface LockedStep<T> {
        T run() throws IOException;
    }

    private static EmbeddedPostgres startLocked(Path data) throws IOException {
        PostgresBinaries binaries = PostgresBinaries.extract();
        Path passwordFile = data.resolveSibling(data.getFileName() + ".password");
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            initialise(binaries, data, passwordFile);
        }
        String password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
        ClusterLeases leases = ClusterLeases.of(data);

        Optional<Integer> runningPort = runningPort(data);
        if (runningPort.isPresent()) {
            ClusterLeases.Lease lease = leases.take();
            log.info("Embedded PostgreSQL already running on 127.0.0.1:{} with data in {}; this process (pid {})"
                    + " shares it with {}", runningPort.get(), data, lease.pid(), users(leases.holdersOtherThan(lease)));
            return new EmbeddedPostgres(data, binaries, runningPort.get(), password, false, leases, lease);
        }
        int port = freePort();
        Path logFile = data.resolveSibling(data.getFileName() + ".log");
        run(binaries, List.of(binaries.bin("pg_ctl"), "-D", data.toString(), "-l", logFile.toString(),
                "-w", "-t", "120", "-o", "-p " + port, "start"), "start PostgreSQL (its log: " + logFile + ")");
        ClusterLeases.Lease lease = leases.take();
        log.info("Embedded PostgreSQL {} started on 127.0.0.1:{} with data in {} (its log: {}); the last mymoviedb"
                + " process using it stops it", binaries.version(), port, data, logFile);
        return new EmbeddedPostgres(data, binaries, port, password, true, leases, lease);
    }

    /** The other users of a cluster, for the log. */
    private static String users(List<Long> pids) {
        if (pids.isEmpty()) {
            return "no other mymoviedb process (one that is gone left it running)";
        }
        return (pids.size() == 1 ? "process " : "processes ") + pids.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static void initialise(PostgresBinaries binaries, Path data, Path passwordFile) throws IOException {
        log.info("Creating the embedded PostgreSQL cluster in {}", data);
        deleteRecursively(data);
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Files.deleteIfExists(passwordFile);
        Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
        try {
            run(binaries, List.of(binaries.bin("initdb"), "-D", data.toString(), "-U", SUPERUSER,
                    "--pwfile=" + passwordFile, "--auth=scram-sha-256", "-E", "UTF8",
                    "--locale-provider=builtin", "--builtin-locale=C.UTF-8", "--locale=C"), "create the cluster");
            // Loopback TCP only: no socket files, nothing reachable from other machines.
            Files.writeString(data.resolve("postgresql.conf"), String.join("\n",
                    "",
                    "# mymoviedb embedded defaults",
                    "listen_addresses = '127.0.0.1'",
                    "unix_socket_directories = ''",
                    "max_connections = 100",
                    "shared_buffers = 128MB",
                    ""), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (RuntimeException | IOException e) {
            deleteRecursively(data);
            throw e;
        }
    }

    /** The port of a live postmaster already serving {@code data}, from its postmaster.pid. */
    private static Optional<Integer> runningPort(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() < 4) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).trim());
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        // A stale pid file after a crash: PostgreSQL itself removes it on the next start.
        return alive ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
    }

    /** Settings to reach {@code database} on this server as its superuser. */
    public ConnectionSettings settings(String database) {
        return new ConnectionSettings("127.0.0.1", port, database, SUPERUSER, password, Map.of());
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Whether this process started the server (it is stopped by the last process using it, whichever that is). */
    public boolean startedHere() {
        return startedHere;
    }

    /**
     * Gives up this process's lease and, if no other live process holds one, stops the server: whoever started it,
     * the last one out stops it, and nobody stops it under another's feet.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            underStartLock(dataDirectory, () -> {
                lease.release();
                List<Long> others = leases.holdersOtherThan(null);
                if (!others.isEmpty()) {
                    log.info("Embedded PostgreSQL left running on 127.0.0.1:{}: {} still uses it", port,
                            users(others));
                } else if (runningPort(dataDirectory).isPresent()) {
                    run(binaries, List.of(binaries.bin("pg_ctl"), "-D", dataDirectory.toString(), "-m", "fast", "-w",
                            "-t", "60", "stop"), "stop PostgreSQL");
                    log.info("Embedded PostgreSQL stopped: this process (pid {}) was the last one using it",
                            lease.pid());
                } else {
                    log.warn("Embedded PostgreSQL in {} had already stopped", dataDirectory);
                }
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not release the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static void run(PostgresBinaries binaries, List<String> command, String what) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("unshare", "--user", "--map-user=" + UNPRIVILEGED_UID,
                    "--map-group=" + UNPRIVILEGED_UID, "--"));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        builder.environment().remove("PGDATA");
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Embedded PostgreSQL: timed out trying to " + what);
            }
            if (process.exitValue() != 0) {
                String text = new String(output, StandardCharsets.UTF_8).trim();
                throw new IllegalStateException("Embedded PostgreSQL: could not " + what + " (exit "
                        + process.exitValue() + "):\n" + text + rootAdvice(text));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Embedded PostgreSQL: could not " + what + ": " + e.getMessage()
                    + (isRoot() ? rootAdvice("") : ""), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while trying to " + what, e);
        }
    }

    private static String rootAdvice(String output) {
        if (!isRoot()) {
            return "";
        }
        return "\nmymoviedb runs as root, and PostgreSQL refuses to; it runs the embedded server in a user namespace"
                + " (unshare --user), which this machine may forbid. Either set DATABASE_URL to a PostgreSQL server"
                + " (for example postgres://postgres@127.0.0.1:5432/mymoviedb), or run mymoviedb as a non-root user.";
    }

    static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
