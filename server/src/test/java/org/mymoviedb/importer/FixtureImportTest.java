package org.mymoviedb.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.importer.CatalogueQueries.directorsOf;
import static org.mymoviedb.importer.CatalogueQueries.genreNames;
import static org.mymoviedb.importer.CatalogueQueries.genresOf;
import static org.mymoviedb.importer.CatalogueQueries.movie;
import static org.mymoviedb.importer.ImportTesting.FIXTURE;
import static org.mymoviedb.importer.ImportTesting.counts;
import static org.mymoviedb.importer.ImportTesting.importFile;
import static org.mymoviedb.importer.ImportTesting.tableCounts;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mymoviedb.jooq.tables.records.MovieRecord;
import org.mymoviedb.testing.TestDatabase;

class FixtureImportTest {

    @Test
    void importsEveryMovieOfTheDjangoFixture() {
        try (TestDatabase db = TestDatabase.create()) {
            ImportReport report = importFile(db.dsl(), FIXTURE);

            assertThat(report.summary())
                    .isEqualTo("seed-fixture.json: 11 rows read, 11 added, 0 updated, 0 unchanged, 0 rejected");
            // 7 genres from 17 links; Coppola directs two of the 11, so 10 people.
            assertThat(tableCounts(db.dsl())).isEqualTo(counts(11, 7, 17, 10, 11));
        }
    }

    @Test
    void genreSpellingsWithAndWithoutSpacesShareOneRow() {
        try (TestDatabase db = TestDatabase.create()) {
            importFile(db.dsl(), FIXTURE);

            assertThat(genreNames(db.dsl()))
                    .containsExactlyInAnyOrder("Action", "Sci-fi", "Drama", "Crime", "History", "Adventure", "Western");
            // "Action, Crime" (The Dark Knight) and "Crime,Drama" (Pulp Fiction) both name the one Crime row.
            MovieRecord darkKnight = movie(db.dsl(), "The Dark Knight", LocalDate.of(2008, 7, 18));
            MovieRecord pulpFiction = movie(db.dsl(), "Pulp Fiction", LocalDate.of(1994, 10, 14));
            assertThat(genresOf(db.dsl(), darkKnight.getId())).containsExactlyInAnyOrder("Action", "Crime");
            assertThat(genresOf(db.dsl(), pulpFiction.getId())).containsExactlyInAnyOrder("Crime", "Drama");
        }
    }

    @Test
    void durationBecomesMinutesAndRatingIsKept() {
        try (TestDatabase db = TestDatabase.create()) {
            importFile(db.dsl(), FIXTURE);

            MovieRecord matrix = movie(db.dsl(), "The Matrix", LocalDate.of(1999, 3, 31));
            assertThat(matrix.getTitle()).isEqualTo("The Matrix");
            assertThat(matrix.getRuntimeMinutes()).isEqualTo(139);
            assertThat(matrix.getRating()).isEqualTo((short) 87);
            assertThat(matrix.getVersion()).isEqualTo(1);
            assertThat(directorsOf(db.dsl(), matrix.getId())).containsExactly("Lana Wachoski");
            assertThat(genresOf(db.dsl(), matrix.getId())).containsExactlyInAnyOrder("Action", "Sci-fi");
        }
    }
}
