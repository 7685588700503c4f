package org.mymoviedb.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.importer.ImportTesting.CLOCK;
import static org.mymoviedb.importer.ImportTesting.counts;
import static org.mymoviedb.importer.ImportTesting.tableCounts;
import static org.mymoviedb.jooq.Tables.MOVIE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mymoviedb.testing.TestDatabase;

class SampleDataTest {

    @Test
    void loadsBothBundledFilesIntoAnEmptyCatalogue() {
        try (TestDatabase db = TestDatabase.create()) {
            List<String> log = new ArrayList<>();

            List<ImportReport> reports = SampleData.loadIfEmpty(db.dsl(), log::add, CLOCK);

            assertThat(reports).extracting(ImportReport::summary).containsExactly(
                    "seed-fixture.json: 11 rows read, 11 added, 0 updated, 0 unchanged, 0 rejected",
                    "vega-movies.json: 3201 rows read, 3180 added, 1 updated, 4 unchanged, 16 rejected");
            assertThat(log).containsExactly(
                    "sample data seed-fixture.json: 11 rows read, 11 added, 0 updated, 0 unchanged, 0 rejected",
                    "sample data vega-movies.json: 3201 rows read, 3180 added, 1 updated, 4 unchanged, 16 rejected");
            assertThat(tableCounts(db.dsl())).isEqualTo(counts(3191, 15, 2927, 551, 1872));
        }
    }

    @Test
    void leavesACatalogueWithMoviesAlone() {
        try (TestDatabase db = TestDatabase.create()) {
            db.dsl().insertInto(MOVIE)
                    .set(MOVIE.TITLE, "Mine")
                    .set(MOVIE.RELEASE_DATE, LocalDate.of(2020, 1, 1))
                    .execute();
            Map<String, Integer> before = tableCounts(db.dsl());
            List<String> log = new ArrayList<>();

            assertThat(SampleData.loadIfEmpty(db.dsl(), log::add)).isEmpty();
            assertThat(log).isEmpty();
            assertThat(tableCounts(db.dsl())).isEqualTo(before).isEqualTo(counts(1, 0, 0, 0, 0));
        }
    }
}
