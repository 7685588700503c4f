package org.mymoviedb.admin.movies.csvimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mymoviedb.admin.api.ImportReport;
import org.mymoviedb.admin.support.ViewModelTest;

/** The import dialog's state against a real server: a dry run that writes nothing, then the import, with the server's report. */
class CsvImportViewModelTest extends ViewModelTest {

    @TempDir
    Path folder;

    private static int count(String titlePrefix) {
        return server.query("query($t: String) { movies(filter: {titleContains: $t}) { totalCount } }",
                java.util.Map.of("t", titlePrefix)).get("data").get("movies").get("totalCount").asInt();
    }

    @Test
    void aDryRunReportsWhatTheImportThenDoesAndOnlyTheImportRefreshesTheList() throws IOException {
        Path file = folder.resolve("new.csv");
        Files.writeString(file, "\uFEFFtitle,releaseDate,rating,runtimeMinutes,genres,directors\n"
                + "Imported one,1999-03-31,80,136,Import noir;Import drama,Import Director\n"
                + "\"Imported, two\",2001-01-01,,,,\n"
                + "Imported bad,2001-02-30,50,90,,\n");
        AtomicInteger refreshed = new AtomicInteger();
        CsvImportViewModel model = new CsvImportViewModel(signedInClient(), inline(), refreshed::incrementAndGet);
        model.file().set(file);

        model.check();

        ImportReport dry = model.report().get();
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.rowsRead()).isEqualTo(3);
        assertThat(dry.added()).isEqualTo(2);
        assertThat(dry.rejections()).hasSize(1);
        assertThat(dry.rejections().get(0).label()).isEqualTo("line 4");
        assertThat(dry.rejections().get(0).title()).isEqualTo("Imported bad");
        assertThat(dry.rejections().get(0).reason()).contains("2001-02-30");
        assertThat(CsvImportViewModel.headline(dry)).startsWith("Dry run, nothing written: ");
        assertThat(count("Imported")).isZero();
        assertThat(refreshed).hasValue(0);

        model.importFile();

        assertThat(model.report().get().dryRun()).isFalse();
        assertThat(model.report().get().added()).isEqualTo(2);
        assertThat(CsvImportViewModel.headline(model.report().get())).startsWith("Imported: ");
        assertThat(count("Imported")).isEqualTo(2);
        assertThat(refreshed).hasValue(1);

        // The same file again: nothing new, each good row unchanged.
        model.importFile();
        assertThat(model.report().get().unchanged()).isEqualTo(2);
        assertThat(count("Imported")).isEqualTo(2);
    }

    @Test
    void aFileTheServerCannotReadIsSaidInTheDialogNotAsAReport() throws IOException {
        Path file = folder.resolve("wrong.csv");
        Files.writeString(file, "name,year\nAlien,1979\n");
        CsvImportViewModel model = new CsvImportViewModel(signedInClient(), inline(), () -> { });
        model.file().set(file);

        model.check();

        assertThat(model.report().get()).isNull();
        assertThat(model.problem().get()).isNotBlank();
        assertThat(model.running().get()).isFalse();

        model.file().set(folder.resolve("missing.csv"));
        model.check();
        assertThat(model.problem().get()).startsWith("Could not read");
    }
}
