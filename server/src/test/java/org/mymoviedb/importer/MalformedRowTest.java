package org.mymoviedb.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mymoviedb.importer.CatalogueQueries.movie;
import static org.mymoviedb.importer.ImportTesting.CLOCK;
import static org.mymoviedb.jooq.Tables.MOVIE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mymoviedb.testing.TestDatabase;

class MalformedRowTest {

    @Test
    void badRowsInTheMiddleAreRejectedAndTheRowsAroundThemImported(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mixed.json");
        Files.writeString(file, """
                [
                  {"Title": "Before", "Release Date": "Jan 5 2001", "IMDB Rating": 7.25, "Director": "  Ann   Lee "},
                  "not a movie",
                  {"Title": "   ", "Release Date": "Jan 05 2001"},
                  {"Title": "Bad Date", "Release Date": "2001-01-05"},
                  {"Title": "Too Old", "Release Date": "Dec 31 1869"},
                  {"Title": "Too Long", "Release Date": "Jan 05 2001", "Running Time min": 1501},
                  {"Title": "No Time", "Release Date": "Jan 05 2001", "Running Time min": 0},
                  {"Title": "Overrated", "Release Date": "Jan 05 2001", "IMDB Rating": 10.5},
                  {"Title": "Odd Genre", "Release Date": "Jan 05 2001", "Major Genre": {"name": "Drama"}},
                  {"Title": "%s", "Release Date": "Jan 05 2001"},
                  {"Title": "After", "Release Date": "Jan 06 2001", "Running Time min": 1500, "IMDB Rating": 0}
                ]
                """.formatted("x".repeat(513)));

        try (TestDatabase db = TestDatabase.create()) {
            ImportReport report = new MovieImporter(db.dsl()).importRows("mixed.json",
                    new MovieFileReader(CLOCK).read(file));

            assertThat(report.summary()).isEqualTo("mixed.json: 11 rows read, 2 added, 0 updated, 0 unchanged, 9 rejected");
            assertThat(report.rejections())
                    .extracting(Rejection::label, Rejection::reason)
                    .containsExactly(
                            tuple("row 2", "row is not a JSON object but string \"not a movie\""),
                            tuple("row 3", "title is missing"),
                            tuple("row 4", "release date \"2001-01-05\" is not a date like Jun 12 1998"),
                            tuple("row 5", "release date 1869-12-31 is before 1870-01-01"),
                            tuple("row 6", "running time 1501 minutes is outside 1..1500"),
                            tuple("row 7", "running time 0 minutes is outside 1..1500"),
                            tuple("row 8", "IMDB rating 10.5 is outside 0..10"),
                            tuple("row 9", "Major Genre is not text but object {\"name\":\"Drama\"}"),
                            tuple("row 10", "title is longer than 512 characters"));
            assertThat(db.dsl().fetchCount(MOVIE)).isEqualTo(2);
            // 7.25 x 10 = 72.5 rounds half up; a single-digit day reads; a name's stray spaces go.
            assertThat(movie(db.dsl(), "Before", LocalDate.of(2001, 1, 5)).getRating()).isEqualTo((short) 73);
            assertThat(CatalogueQueries.directorsOf(db.dsl(), movie(db.dsl(), "Before", LocalDate.of(2001, 1, 5)).getId()))
                    .containsExactly("Ann Lee");
            assertThat(movie(db.dsl(), "After", LocalDate.of(2001, 1, 6)).getRuntimeMinutes()).isEqualTo(1500);
            assertThat(movie(db.dsl(), "After", LocalDate.of(2001, 1, 6)).getRating()).isEqualTo((short) 0);
        }
    }

    @Test
    void impossibleDatesAreRejectedWithTheirReasonNeverClampedIntoARow(@TempDir Path dir) throws Exception {
        Path fixture = dir.resolve("fixture.json");
        Files.writeString(fixture, """
                [
                  {"model": "movies.movie", "pk": 1, "fields": {"title": "Leap", "release_date": "2024-02-30"}},
                  {"model": "movies.movie", "pk": 2, "fields": {"title": "Common", "release_date": "2023-02-29"}},
                  {"model": "movies.movie", "pk": 3, "fields": {"title": "April", "release_date": "2024-04-31"}},
                  {"model": "movies.movie", "pk": 4, "fields": {"title": "Real", "release_date": "2024-02-29"}}
                ]
                """);
        Path vega = dir.resolve("vega.json");
        Files.writeString(vega, """
                [
                  {"Title": "Common", "Release Date": "Feb 29 2023"},
                  {"Title": "April", "Release Date": "Apr 31 2024"}
                ]
                """);

        try (TestDatabase db = TestDatabase.create()) {
            MovieImporter importer = new MovieImporter(db.dsl());
            ImportReport fromFixture = importer.importRows("fixture.json", new MovieFileReader(CLOCK).read(fixture));
            ImportReport fromVega = importer.importRows("vega.json", new MovieFileReader(CLOCK).read(vega));

            assertThat(fromFixture.rejections()).extracting(Rejection::label, Rejection::reason).containsExactly(
                    tuple("pk 1", "release date \"2024-02-30\" is not a date like 1999-03-31"),
                    tuple("pk 2", "release date \"2023-02-29\" is not a date like 1999-03-31"),
                    tuple("pk 3", "release date \"2024-04-31\" is not a date like 1999-03-31"));
            assertThat(fromVega.rejections()).extracting(Rejection::label, Rejection::reason).containsExactly(
                    tuple("row 1", "release date \"Feb 29 2023\" is not a date like Jun 12 1998"),
                    tuple("row 2", "release date \"Apr 31 2024\" is not a date like Jun 12 1998"));
            // Only the real date is stored: nothing moved to the 28th, 29th or 30th.
            assertThat(db.dsl().select(MOVIE.TITLE, MOVIE.RELEASE_DATE).from(MOVIE).fetch().map(r -> r.value1()))
                    .containsExactly("Real");
            assertThat(movie(db.dsl(), "Real", LocalDate.of(2024, 2, 29))).isNotNull();
        }
    }
}
