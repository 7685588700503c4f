package org.mymoviedb.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.importer.CatalogueQueries.directorsOf;
import static org.mymoviedb.importer.CatalogueQueries.genresOf;
import static org.mymoviedb.importer.CatalogueQueries.movie;
import static org.mymoviedb.importer.ImportTesting.FIXTURE;
import static org.mymoviedb.importer.ImportTesting.VEGA;
import static org.mymoviedb.importer.ImportTesting.counts;
import static org.mymoviedb.importer.ImportTesting.importFile;
import static org.mymoviedb.importer.ImportTesting.tableCounts;
import static org.mymoviedb.jooq.Tables.MOVIE;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mymoviedb.jooq.tables.records.MovieRecord;
import org.mymoviedb.testing.TestDatabase;

class BothFilesImportTest {

    // In both files with the same title and date: The Matrix, Pulp Fiction, The Dark Knight, Fight Club and
    // The Return of the King. The other six fixture films are in vega under other dates, so are other movies.
    private static final int OVERLAP = 5;

    @Test
    void aMovieInBothFilesIsOneMovieWithWhatBothSay() {
        try (TestDatabase db = TestDatabase.create()) {
            importFile(db.dsl(), FIXTURE);
            ImportReport vega = importFile(db.dsl(), VEGA);

            // Only The Matrix gains something (a second director); the other four overlapping rows add nothing.
            assertThat(vega.summary())
                    .isEqualTo("vega-movies.json: 3201 rows read, 3180 added, 1 updated, 4 unchanged, 16 rejected");
            assertThat(tableCounts(db.dsl())).isEqualTo(counts(11 + 3185 - OVERLAP, 15, 2927, 551, 1872));

            MovieRecord matrix = movie(db.dsl(), "The Matrix", LocalDate.of(1999, 3, 31));
            assertThat(genresOf(db.dsl(), matrix.getId())).containsExactlyInAnyOrder("Action", "Sci-fi");
            assertThat(directorsOf(db.dsl(), matrix.getId())).containsExactly("Lana Wachoski", "Andy Wachowski");
            // The fixture came first and had a running time (139), so vega's 136 does not replace it.
            assertThat(matrix.getRuntimeMinutes()).isEqualTo(139);
            assertThat(matrix.getRating()).isEqualTo((short) 87);
            assertThat(matrix.getVersion()).isEqualTo(2);
            assertThat(matrix.getUpdatedAt()).isAfter(matrix.getCreatedAt());
        }
    }

    @Test
    void anExistingMovieGetsOnlyTheValuesItLacks() {
        try (TestDatabase db = TestDatabase.create()) {
            // Vega first this time: The Matrix arrives with 136 minutes and Andy Wachowski.
            importFile(db.dsl(), VEGA);
            ImportReport fixture = importFile(db.dsl(), FIXTURE);

            // The Matrix gains Sci-fi and a director, The Dark Knight Crime, Pulp Fiction Crime and its running time
            // (vega has none); Fight Club and The Return of the King have everything the fixture says already.
            assertThat(fixture.summary())
                    .isEqualTo("seed-fixture.json: 11 rows read, 6 added, 3 updated, 2 unchanged, 0 rejected");
            assertThat(movie(db.dsl(), "Pulp Fiction", LocalDate.of(1994, 10, 14)).getRuntimeMinutes()).isEqualTo(154);
            // A stored value is never replaced: The Return of the King keeps vega's 88 against the fixture's 89.
            assertThat(movie(db.dsl(), "The Lord of the Rings: The Return of the King", LocalDate.of(2003, 12, 17))
                    .getRating()).isEqualTo((short) 88);
            MovieRecord matrix = movie(db.dsl(), "The Matrix", LocalDate.of(1999, 3, 31));
            assertThat(matrix.getRuntimeMinutes()).isEqualTo(136);
            assertThat(directorsOf(db.dsl(), matrix.getId())).containsExactly("Andy Wachowski", "Lana Wachoski");
            assertThat(genresOf(db.dsl(), matrix.getId())).containsExactlyInAnyOrder("Action", "Sci-fi");
            assertThat(tableCounts(db.dsl())).isEqualTo(counts(3191, 15, 2927, 551, 1872));
        }
    }

    @Test
    void importingTheSameFilesAgainChangesNothing() {
        try (TestDatabase db = TestDatabase.create()) {
            importFile(db.dsl(), FIXTURE);
            importFile(db.dsl(), VEGA);
            Map<String, Integer> before = tableCounts(db.dsl());
            Set<List<Object>> versions = versions(db);

            ImportReport fixtureAgain = importFile(db.dsl(), FIXTURE);
            ImportReport vegaAgain = importFile(db.dsl(), VEGA);

            assertThat(fixtureAgain.summary())
                    .isEqualTo("seed-fixture.json: 11 rows read, 0 added, 0 updated, 11 unchanged, 0 rejected");
            assertThat(vegaAgain.summary())
                    .isEqualTo("vega-movies.json: 3201 rows read, 0 added, 0 updated, 3185 unchanged, 16 rejected");
            assertThat(tableCounts(db.dsl())).isEqualTo(before);
            assertThat(versions(db)).isEqualTo(versions);
        }
    }

    private static Set<List<Object>> versions(TestDatabase db) {
        return db.dsl().select(MOVIE.ID, MOVIE.VERSION, MOVIE.UPDATED_AT)
                .from(MOVIE)
                .fetchSet(r -> List.of(r.value1(), r.value2(), r.value3()));
    }
}
