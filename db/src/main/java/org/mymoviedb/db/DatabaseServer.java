package org.mymoviedb.db;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The PostgreSQL server mymoviedb uses: the one DATABASE_URL names, or else the embedded one, started on demand.
 */
public final class DatabaseServer implements AutoCloseable {

    private final ConnectionSettings settings;
    private final EmbeddedPostgres embedded;

    private DatabaseServer(ConnectionSettings settings, EmbeddedPostgres embedded) {
        this.settings = settings;
        this.embedded = embedded;
    }

    /**
     * Resolves the server from the environment; without DATABASE_URL starts (or attaches to) the embedded server
     * with its data in {@code embeddedDataDirectory} and uses its database {@code embeddedDatabase}.
     */
    public static DatabaseServer fromEnvironment(Map<String, String> env, Path embeddedDataDirectory,
                                                 String embeddedDatabase) {
        Optional<ConnectionSettings> configured = ConnectionSettings.fromEnvironment(env);
        if (configured.isPresent()) {
            return new DatabaseServer(configured.get(), null);
        }
        EmbeddedPostgres embedded = EmbeddedPostgres.start(embeddedDataDirectory);
        return new DatabaseServer(embedded.settings(embeddedDatabase), embedded);
    }

    /** Settings for the database mymoviedb works in. */
    public ConnectionSettings settings() {
        return settings;
    }

    public Optional<EmbeddedPostgres> embedded() {
        return Optional.ofNullable(embedded);
    }

    /**
     * Which server and database, for the startup log: never the password. For the embedded server also whose it
     * is: its data sits under the home of the OS account this process runs as, so another account sees other data.
     */
    public String describe() {
        if (embedded != null) {
            return "embedded PostgreSQL at " + settings.describe() + ", data in " + embedded.dataDirectory()
                    + " (OS user " + System.getProperty("user.name") + ", home " + System.getProperty("user.home")
                    + ")";
        }
        return "PostgreSQL at " + settings.describe();
    }

    /** Gives up this process's use of the embedded server, which stops if no other process uses it. */
    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
