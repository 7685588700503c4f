package org.mymoviedb.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mymoviedb.importer.CatalogueQueries.genresOf;
import static org.mymoviedb.importer.CatalogueQueries.movie;
import static org.mymoviedb.importer.ImportTesting.rowsOf;
import static org.mymoviedb.jooq.Tables.AUDIT_ENTRY;
import static org.mymoviedb.jooq.Tables.GENRE;
import static org.mymoviedb.jooq.Tables.MOVIE;
import static org.mymoviedb.jooq.Tables.PERSON;
import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.mymoviedb.testing.TestDatabase;

class BatchCommitTest {

    private static final List<String> TITLES = List.of("One", "Two", "Three", "Four", "Five", "Six", "Seven");

    /** Seven films, "Jan 0N 2001"; {@code fifthDirector} directs Five, which is the only one in genre Noir. */
    private static String sevenFilms(String fifthDirector) {
        return IntStream.range(0, TITLES.size())
                .mapToObj(i -> "{\"Title\": \"" + TITLES.get(i) + "\", \"Release Date\": \"Jan 0" + (i + 1)
                        + " 2001\", \"Director\": \"" + (i == 4 ? fifthDirector : "Director " + i)
                        + "\", \"Major Genre\": \"" + (i == 4 || i == 5 ? "Noir" : "Drama") + "\"}")
                .collect(Collectors.joining(",\n", "[", "]"));
    }

    @Test
    void aRowTheDatabaseRefusesIsRejectedAndTheOthersAreCommitted() {
        // The reader leaves name lengths to the database: a 301-character director breaks person_name_length.
        List<RowOutcome> rows = rowsOf(sevenFilms("d".repeat(301)));
        assertThat(rows).allMatch(row -> row instanceof MovieImportRow);

        try (TestDatabase db = TestDatabase.create()) {
            ImportReport report = new MovieImporter(db.dsl(), 2).importRows("seven.json", rows);

            assertThat(report.summary()).isEqualTo("seven.json: 7 rows read, 6 added, 0 updated, 0 unchanged, 1 rejected");
            assertThat(report.rejections()).containsExactly(new Rejection("row 5", "Five",
                    "the database refused it: new row for relation \"person\" violates check constraint"
                            + " \"person_name_length\""));
            try (HikariDataSource other = TestDatabase.pool(db.settings(), 1)) {
                DSLContext elsewhere = DSL.using(other, SQLDialect.POSTGRES);
                assertThat(elsewhere.select(MOVIE.TITLE).from(MOVIE).orderBy(MOVIE.RELEASE_DATE).fetch(MOVIE.TITLE))
                        .containsExactly("One", "Two", "Three", "Four", "Six", "Seven");
                assertThat(elsewhere.fetchCount(PERSON)).isEqualTo(6);
                // Five created Noir and was rolled back; Six, in the same batch, created it again.
                assertThat(elsewhere.fetchCount(GENRE)).isEqualTo(2);
                assertThat(genresOf(elsewhere, movie(elsewhere, "Six", LocalDate.of(2001, 1, 6)).getId()))
                        .containsExactly("Noir");
                // Five's history went with its savepoint; the others' stayed with their rows.
                assertThat(historyOf(elsewhere)).containsExactly("One", "Two", "Three", "Four", "Six", "Seven");
            }
        }
    }

    @Test
    void aCrashLosesOnlyTheBatchInProgress() {
        try (TestDatabase db = TestDatabase.create()) {
            // Dies, as a killed process would, when the sixth film is about to be inserted: batches of two
            // means One to Four are committed and Five, in Six's batch, goes with it.
            DSLContext dying = DSL.using(db.dsl().configuration().derive(new ExecuteListener() {
                @Override
                public void executeStart(ExecuteContext ctx) {
                    if (ctx.sql() != null && ctx.sql().contains("INSERT INTO movie ")
                            && ctx.query().getBindValues().contains("Six")) {
                        throw new SimulatedCrash();
                    }
                }
            }));

            assertThatThrownBy(() -> new MovieImporter(dying, 2).importRows("seven.json", rowsOf(sevenFilms("Ann"))))
                    .isInstanceOf(SimulatedCrash.class);

            try (HikariDataSource other = TestDatabase.pool(db.settings(), 1)) {
                DSLContext elsewhere = DSL.using(other, SQLDialect.POSTGRES);
                assertThat(elsewhere.select(MOVIE.TITLE).from(MOVIE).orderBy(MOVIE.RELEASE_DATE).fetch(MOVIE.TITLE))
                        .containsExactly("One", "Two", "Three", "Four");
                // The batch that died wrote no history either.
                assertThat(historyOf(elsewhere)).containsExactly("One", "Two", "Three", "Four");
            }
        }
    }

    /** The movies history says the import created, in the order it did. */
    private static List<String> historyOf(DSLContext dsl) {
        return dsl.select(AUDIT_ENTRY.ENTITY_LABEL).from(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.USERNAME.eq("import:seven.json")).and(AUDIT_ENTRY.ACTION.eq("CREATE"))
                .and(AUDIT_ENTRY.ENTITY_TYPE.eq("movie"))
                .orderBy(AUDIT_ENTRY.ID).fetch(AUDIT_ENTRY.ENTITY_LABEL);
    }

    private static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;
    }
}
