package org.mymoviedb.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mymoviedb.importer.ImportTesting.rowsOf;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovieFileReaderTest {

    private static String fixtureRow(int pk, String fields) {
        return "{\"model\": \"movies.movie\", \"pk\": " + pk + ", \"fields\": {\"title\": \"T" + pk
                + "\", \"release_date\": \"2000-01-01\"" + fields + "}}";
    }

    private static RowOutcome onlyRow(String json) {
        List<RowOutcome> rows = rowsOf("[" + json + "]");
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void durationsRoundToTheNearestMinute() {
        assertThat(((MovieImportRow) onlyRow(fixtureRow(1, ", \"duration\": \"01:36:29\""))).runtimeMinutes())
                .isEqualTo(96);
        assertThat(((MovieImportRow) onlyRow(fixtureRow(1, ", \"duration\": \"01:36:30\""))).runtimeMinutes())
                .isEqualTo(97);
        assertThat(((MovieImportRow) onlyRow(fixtureRow(1, ", \"duration\": \"1 01:00:00.5\""))).runtimeMinutes())
                .isEqualTo(1500);
        assertThat(((MovieImportRow) onlyRow(fixtureRow(1, ", \"duration\": null"))).runtimeMinutes()).isNull();
    }

    @Test
    void badFixtureValuesAreRejectedWithTheirReason() {
        assertThat(onlyRow(fixtureRow(4, ", \"duration\": \"2h 19m\"")))
                .isEqualTo(new Rejection("pk 4", "T4", "duration \"2h 19m\" is not HH:MM:SS"));
        assertThat(onlyRow(fixtureRow(5, ", \"duration\": \"00:00:29\"")))
                .isEqualTo(new Rejection("pk 5", "T5", "running time 0 minutes is outside 1..1500"));
        assertThat(onlyRow(fixtureRow(6, ", \"rating\": 101")))
                .isEqualTo(new Rejection("pk 6", "T6", "rating 101 is outside 0..100"));
        assertThat(onlyRow(fixtureRow(7, ", \"rating\": 8.5")))
                .isEqualTo(new Rejection("pk 7", "T7", "rating 8.5 is not a whole number"));
        assertThat(onlyRow("{\"model\": \"auth.user\", \"pk\": 8, \"fields\": {\"username\": \"x\"}}"))
                .isEqualTo(new Rejection("pk 8", null, "model auth.user is not movies.movie"));
    }

    @Test
    void genreListsAreTrimmedCollapsedAndDeduplicatedByExactSpelling() {
        // Spellings that differ only by case stay: the database's one-entry-per-name rule makes them one genre.
        MovieImportRow row = (MovieImportRow) onlyRow(fixtureRow(1,
                ", \"genre\": \"Action , sci-fi,, ACTION, Action,  Film \\t Noir \", \"director\": \"  \""));
        assertThat(row.genres()).containsExactly("Action", "sci-fi", "ACTION", "Film Noir");
        assertThat(row.directors()).isEmpty();
    }

    @Test
    void releaseDatesUpToFiveYearsAheadAreAccepted() {
        // The pinned clock says 2026-11-24.
        assertThat(onlyRow("{\"Title\": \"Soon\", \"Release Date\": \"Nov 24 2031\"}"))
                .isInstanceOf(MovieImportRow.class)
                .extracting(row -> ((MovieImportRow) row).releaseDate())
                .isEqualTo(LocalDate.of(2031, 11, 24));
        assertThat(onlyRow("{\"Title\": \"Later\", \"Release Date\": \"Nov 25 2031\"}"))
                .isEqualTo(new Rejection("row 1", "Later",
                        "release date 2031-11-25 is more than 5 years in the future"));
        assertThat(onlyRow("{\"Title\": \"Never\", \"Release Date\": \"Feb 30 2001\"}"))
                .isEqualTo(new Rejection("row 1", "Never",
                        "release date \"Feb 30 2001\" is not a date like Jun 12 1998"));
    }

    @Test
    void aFileThatIsNotAMovieListIsNamedInTheError(@TempDir Path dir) {
        assertThatThrownBy(() -> rowsOf("[{\"name\": \"x\"}]"))
                .isInstanceOf(ImportFileException.class)
                .hasMessageStartingWith("test.json: not a known movie file: expected a Django fixture");
        assertThatThrownBy(() -> rowsOf("{\"Title\": \"x\"}"))
                .isInstanceOf(ImportFileException.class)
                .hasMessageStartingWith("test.json: expected a JSON array of movies, found object");
        assertThatThrownBy(() -> rowsOf("[{\"Title\": "))
                .isInstanceOf(ImportFileException.class)
                .hasMessageStartingWith("test.json: not valid JSON: ");
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> new MovieFileReader().read(missing))
                .isInstanceOf(ImportFileException.class)
                .hasMessageStartingWith(missing + ": cannot read the file");
        assertThat(rowsOf("[]")).isEmpty();
    }
}
