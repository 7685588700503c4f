package org.mymoviedb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mymoviedb.Main;
import org.mymoviedb.db.ConnectionSettings;
import org.mymoviedb.db.DatabaseProvisioner;
import org.mymoviedb.db.SchemaMigrator;
import org.mymoviedb.testing.TestDatabase;

/** Migrations on an empty database, run twice; a changed applied migration is refused; the migrate command. */
class MigrationTest {

    private ConnectionSettings empty;

    @BeforeEach
    void createEmptyDatabase() {
        empty = TestDatabase.createEmpty();
    }

    @AfterEach
    void dropIt() {
        DatabaseProvisioner.dropIfExists(empty, empty.database());
    }

    @Test
    void migratingTwiceAppliesEverythingOnceThenNothing() {
        SchemaMigrator.Outcome first = SchemaMigrator.migrate(empty.unpooledDataSource());
        SchemaMigrator.Outcome second = SchemaMigrator.migrate(empty.unpooledDataSource());
        assertThat(first.applied()).isGreaterThanOrEqualTo(1);
        assertThat(second.applied()).isZero();
        assertThat(second.schemaVersion()).isEqualTo(first.schemaVersion());
        try (var ds = TestDatabase.pool(empty, 1)) {
            var tables = DSL.using(ds, org.jooq.SQLDialect.POSTGRES)
                    .fetch("select table_name from information_schema.tables where table_schema = 'public'")
                    .getValues(0, String.class);
            assertThat(tables).contains("movie", "genre", "movie_genre", "person", "movie_director");
        }
    }

    @Test
    void aChangedAppliedMigrationIsRefusedWithAClearMessage() {
        SchemaMigrator.migrate(empty.unpooledDataSource());
        try (var ds = TestDatabase.pool(empty, 1)) {
            // As if V1's file had been edited after it ran here.
            DSL.using(ds, org.jooq.SQLDialect.POSTGRES)
                    .execute("update flyway_schema_history set checksum = checksum + 1 where version = '1'");
        }
        assertThatThrownBy(() -> SchemaMigrator.migrate(empty.unpooledDataSource()))
                .isInstanceOf(SchemaMigrator.MigrationRefusedException.class)
                .hasMessageContaining("an already-applied migration was changed")
                .hasMessageContaining("add a new V<n>__*.sql");
    }

    @Test
    void theMigrateCommandMigratesTheDatabaseDatabaseUrlNames() {
        String url = "postgres://" + empty.user() + (empty.password() == null ? "" : ":" + empty.password())
                + "@" + empty.host() + ":" + empty.port() + "/" + empty.database();
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = Main.run(Map.of("DATABASE_URL", url), "migrate");
        } finally {
            System.setOut(original);
        }
        assertThat(exit).isZero();
        assertThat(SchemaMigrator.pending(empty.unpooledDataSource())).isZero();
        String latest = SchemaMigrator.migrate(empty.unpooledDataSource()).schemaVersion();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("migrations applied, schema version " + latest);
    }
}
