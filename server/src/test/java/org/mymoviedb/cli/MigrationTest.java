package org.mymoviedb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
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
        // A database from before the genre-ids migration (V4), holding movies; V3 and V4 then run over it.
        org.flywaydb.core.Flyway.configure().dataSource(empty.unpooledDataSource())
                .locations("classpath:db/migration").target("3").load().migrate();
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
    void theTallyMigrationStartsFromTheMoviesAlreadyCatalogued() {
        // A catalogue from before movie_tally (V12); its 40 movies are the tally's start, then writes move it.
        org.flywaydb.core.Flyway.configure().dataSource(empty.unpooledDataSource())
                .locations("classpath:db/migration").target("11").load().migrate();
        try (var ds = TestDatabase.pool(empty, 1)) {
            var dsl = DSL.using(ds, org.jooq.SQLDialect.POSTGRES);
            dsl.execute("insert into movie (title, release_date) select 'Film ' || n, date '1990-01-01' + n "
                    + "from generate_series(1, 40) n");
            SchemaMigrator.migrate(empty.unpooledDataSource());
            assertThat(dsl.fetchValue("select sum(movies)::int from movie_tally", Integer.class)).isEqualTo(40);
            dsl.execute("delete from movie where title = 'Film 7'");
            assertThat(dsl.fetchValue("select sum(movies)::int from movie_tally", Integer.class)).isEqualTo(39);
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

    /**
     * V3 on a catalogue from before it, where people shared names: one person per name is left, their credits
     * moved to the oldest, their movies versioned and the merge in history; then a second entry of one name is
     * refused.
     */
    @Test
    void peopleWhoSharedANameAreMergedKeepingTheirCreditsAndHistory() {
        Flyway.configure().dataSource(empty.unpooledDataSource()).locations("classpath:db/migration").target("2")
                .load().migrate();
        try (var ds = TestDatabase.pool(empty, 1)) {
            DSLContext db = DSL.using(ds, SQLDialect.POSTGRES);
            db.execute("""
                    insert into person (name) values ('John Ford'), ('john ford'), ('JOHN FORD'), ('Agnès Varda'),
                        (U&'Agne\\0300s Varda'), ('Maya Deren');
                    insert into genre (name) values ('Western'), (U&'Dra\\0308ma'), (U&'Dr\\00E4ma');
                    insert into movie (title, release_date) values ('Stagecoach', '1939-03-02'),
                        ('The Searchers', '1956-03-13'), ('Cléo from 5 to 7', '1962-04-11');
                    insert into movie_director values (1, 1, 0), (1, 2, 1), (1, 6, 2), (2, 2, 0), (2, 3, 1),
                        (3, 5, 0);
                    insert into movie_genre values (1, 1), (2, 2), (2, 3), (3, 3);
                    """);

            assertThat(SchemaMigrator.migrate(empty.unpooledDataSource()).applied()).isGreaterThanOrEqualTo(1);

            assertThat(db.fetch("select id, name from person order by id").map(r -> r.get(0) + " " + r.get(1)))
                    .containsExactly("1 John Ford", "4 Agnès Varda", "6 Maya Deren");
            assertThat(db.fetch("select movie_id, person_id from movie_director order by movie_id, position")
                    .map(r -> r.get(0) + ":" + r.get(1)))
                    .as("each movie keeps one credit per person, first in billing order")
                    .containsExactly("1:1", "1:6", "2:1", "3:4");
            assertThat(db.fetch("select movie_id, genre_id from movie_genre order by 1, 2")
                    .map(r -> r.get(0) + ":" + r.get(1))).containsExactly("1:1", "2:2", "3:2");
            assertThat(db.fetch("select version from movie order by id").getValues(0, Integer.class))
                    .as("every movie whose credits or genres moved has a new version").containsExactly(2, 3, 3);
            assertThat(db.fetch("select entity_type || ' ' || entity_id || ' ' || action from audit_entry "
                    + "where entity_type in ('person', 'genre') order by id").getValues(0, String.class))
                    .containsExactly("person 2 DELETE", "person 3 DELETE", "person 5 DELETE", "genre 3 DELETE");
            assertThat(db.fetchValue("select changes::text from audit_entry where entity_type = 'movie' "
                    + "and entity_id = 2 and jsonb_exists(changes, 'directors')"))
                    .isEqualTo("{\"directors\": {\"after\": [\"John Ford\"], \"before\": [\"john ford\", \"JOHN FORD\"]}}");

            assertThatThrownBy(() -> db.execute("insert into person (name) values ('JOHN  FORD'), ('maya deren')"))
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("person_name_key_idx");
            assertThatThrownBy(() -> db.execute("insert into genre (name) values ('WESTERN')"))
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("genre_name_key_idx");
            assertThat(List.of(db.fetchValue("select count(*) from person", Long.class))).containsExactly(3L);
        }
    }
}
