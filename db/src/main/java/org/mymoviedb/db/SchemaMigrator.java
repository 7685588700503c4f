package org.mymoviedb.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings a database up to the schema in db/migration with Flyway. */
public final class SchemaMigrator {

    private SchemaMigrator() {
    }

    /** What a migration run did. */
    public record Outcome(int applied, String schemaVersion) {
    }

    /**
     * Applies every pending migration. Re-running is a no-op; an applied migration whose file changed since is
     * refused before anything runs.
     */
    public static Outcome migrate(DataSource dataSource) {
        Flyway flyway = flyway(dataSource);
        MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (FlywayException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("checksum mismatch") || message.contains("Validate failed")) {
                throw new MigrationRefusedException("The database's applied migrations differ from db/migration: "
                        + "an already-applied migration was changed, or one is missing. Never edit an applied "
                        + "migration; add a new V<n>__*.sql instead. Flyway says: " + message, e);
            }
            throw e;
        }
        String version = flyway.info().current() == null ? "none" : flyway.info().current().getVersion().toString();
        return new Outcome(result.migrationsExecuted, version);
    }

    /** How many migrations this build has that the database has not applied yet. */
    public static int pending(DataSource dataSource) {
        return flyway(dataSource).info().pending().length;
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .validateOnMigrate(true)
                .cleanDisabled(true)
                .failOnMissingLocations(true)
                .load();
    }

    /** Thrown when the database's migration history does not match the migrations shipped with this build. */
    public static final class MigrationRefusedException extends RuntimeException {
        public MigrationRefusedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
