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
    void theGenreIdsMigrationFillsTheArraysOfMoviesAlreadyCatalogued() {
        // A database at V2 holding movies, as every installation had before V3 existed.
        org.flywaydb.core.Flyway.configure().dataSource(empty.unpooledDataSource())
                .locations("classpath:db/migration").target("2").load().migrate();
        try (var ds = TestDatabase.pool(empty, 1)) {
            var dsl = DSL.using(ds, org.jooq.SQLDialect.POSTGRES);
            dsl.execute("insert into genre (name) values ('Drama'), ('Crime'), ('Western')");
            dsl.execute("""
                    insert into movie (title, release_date) values
                      ('The Godfather', '1972-03-24'), ('Rio Bravo', '1959-03-18'), ('Untagged', '2000-01-01')""");
            dsl.execute("""
                    insert into movie_genre (movie_id, genre_id)
                    select m.id, g.id from movie m, genre g
                    where (m.title = 'The Godfather' and g.name in ('Crime', 'Drama'))
                       or (m.title = 'Rio Bravo' and g.name = 'Western')""");

            SchemaMigrator.migrate(empty.unpooledDataSource());

            var arrays = dsl.fetch("""
                    select m.title, array_to_string(m.genre_ids, ',') as ids,
                           (select string_agg(g.id::text, ',' order by g.id) from genre g
                            join movie_genre mg on mg.genre_id = g.id where mg.movie_id = m.id) as linked
                    from movie m order by m.title""");
            assertThat(arrays.getValues("title", String.class)).containsExactly("Rio Bravo", "The Godfather", "Untagged");
            assertThat(arrays.getValues("ids", String.class)).containsExactly(
                    arrays.get(0).get("linked", String.class), arrays.get(1).get("linked", String.class), "");
            assertThat(arrays.get(1).get("ids", String.class)).contains(",");
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
