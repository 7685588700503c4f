package org.mymoviedb.admin.movies.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.ImportReport;
import org.mymoviedb.admin.api.MovieQuery;
import org.mymoviedb.admin.api.MovieQuery.MovieOrder;
import org.mymoviedb.admin.support.ViewModelTest;

/**
 * CSV export against a real server: every match of the filter in its order (more than the list loads), page by
 * page straight to the file, a cancel that leaves no file, and a file the server's importMovies reads back as the
 * same movies.
 */
class MovieExportTest extends ViewModelTest {

    private static final int REELS = 250;
    private static final String QUOTED = "Export reel, the \"quoted\" one";

    @TempDir
    Path folder;

    @BeforeAll
    static void seed() {
        long noir = catalogue.genre("Export noir");
        long drama = catalogue.genre("Export drama");
        long one = catalogue.person("Export Director One");
        long two = catalogue.person("Export Director Two");
        for (int i = 0; i < REELS; i++) {
            long id = catalogue.movie(String.format("Export reel %03d", i), LocalDate.of(1950 + i % 50, 1 + i % 12, 1),
                    i % 3 == 0 ? null : i % 100, 80 + i);
            catalogue.tag(id, noir);
            if (i % 2 == 0) {
                catalogue.tag(id, drama);
                catalogue.credit(id, one, 0);
                catalogue.credit(id, two, 1);
            }
        }
        long quoted = catalogue.movie(QUOTED, LocalDate.of(2001, 2, 3), 50, null);
        catalogue.tag(quoted, drama);
    }

    private static MovieQuery reels(List<MovieOrder> order) {
        return new MovieQuery(null, null, null, null, null, null, null, order, "Export reel", null, null, null);
    }

    @Test
    void writesEveryMatchInTheListsOrderAPageAtATimeStraightToTheFile() throws IOException {
        Path target = folder.resolve("movies.csv");
        List<MovieExport.Progress> heard = new ArrayList<>();
        List<Long> partLinesAtEachPage = new ArrayList<>();

        MovieExport.Progress done = new MovieExport(signedInClient()).run(
                reels(List.of(new MovieOrder("RUNTIME", true))), target, progress -> {
                    heard.add(progress);
                    partLinesAtEachPage.add(lines(MovieExport.partFile(target)));
                    assertThat(target).doesNotExist();
                }, () -> false);

        assertThat(done).isEqualTo(new MovieExport.Progress(REELS + 1, REELS + 1, false));
        assertThat(heard).extracting(MovieExport.Progress::written).containsExactly(100, 200, REELS + 1);
        assertThat(heard).extracting(MovieExport.Progress::total).containsOnly(REELS + 1);
        // What each page brought is in the file before the next page is asked for: one page in memory at most.
        assertThat(partLinesAtEachPage).containsExactly(101L, 201L, REELS + 2L);
        assertThat(MovieExport.partFile(target)).doesNotExist();

        List<String> lines = Files.readAllLines(target, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(REELS + 2);
        assertThat(lines.get(0)).isEqualTo("title,releaseDate,rating,runtimeMinutes,genres,directors");
        // Longest first, as the list was ordered; the one without a runtime sorts as the shortest.
        assertThat(lines.get(1)).isEqualTo("Export reel 249,1999-10-01,,329,Export noir,");
        assertThat(lines.get(2)).isEqualTo("Export reel 248,1998-09-01,48,328,Export drama;Export noir,"
                + "Export Director One;Export Director Two");
        assertThat(lines.get(4)).isEqualTo("Export reel 246,1996-07-01,,326,Export drama;Export noir,"
                + "Export Director One;Export Director Two");
        assertThat(lines.get(REELS + 1)).isEqualTo("\"Export reel, the \"\"quoted\"\" one\",2001-02-03,50,,Export drama,");
    }

    @Test
    void theServersImportReadsTheExportBackAsTheSameMovies() throws IOException {
        Path target = folder.resolve("round-trip.csv");
        CatalogueClient client = signedInClient();
        new MovieExport(client).run(reels(List.of()), target, progress -> { }, () -> false);

        ImportReport report = client.importMovies(Files.readString(target), true);

        assertThat(report.rejections()).isEmpty();
        assertThat(report.rowsRead()).isEqualTo(REELS + 1);
        assertThat(report.unchanged()).isEqualTo(REELS + 1);
        assertThat(report.added() + report.updated()).isZero();
    }

    @Test
    void aCancelledExportStopsBetweenPagesAndLeavesTheOldFileAsItWas() throws IOException {
        Path target = folder.resolve("kept.csv");
        Files.writeString(target, "what was there");
        List<Integer> pages = new ArrayList<>();

        MovieExport.Progress stopped = new MovieExport(signedInClient()).run(reels(List.of()), target,
                progress -> pages.add(progress.written()), () -> !pages.isEmpty());

        assertThat(stopped).isEqualTo(new MovieExport.Progress(100, REELS + 1, true));
        assertThat(pages).containsExactly(100);
        assertThat(target).hasContent("what was there");
        assertThat(MovieExport.partFile(target)).doesNotExist();
    }

    @Test
    void theViewModelSaysHowManyWentWhere() {
        Path target = folder.resolve("told.csv");
        ExportViewModel model = new ExportViewModel(signedInClient(), inline());

        model.start(reels(List.of()), target);

        assertThat(model.running().get()).isFalse();
        assertThat(model.progressText()).isEqualTo("251 of 251 movies written");
        assertThat(model.outcome().get()).isEqualTo("Exported 251 movies to " + target + ".");
    }

    private static long lines(Path file) {
        try (var stream = Files.lines(file, StandardCharsets.UTF_8)) {
            return stream.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
