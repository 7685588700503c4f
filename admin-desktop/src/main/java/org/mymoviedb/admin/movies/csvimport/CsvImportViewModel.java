package org.mymoviedb.admin.movies.csvimport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.mymoviedb.admin.api.ApiException;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.ImportReport;
import org.mymoviedb.admin.shell.Background;

/**
 * Imports a CSV file through the server's {@code importMovies}: a dry run first if the editor likes (nothing
 * written, the report says what would happen), then the import, one transaction for the whole file. The report
 * is the server's: rows read, added, updated, unchanged, and each rejected row with its reason.
 */
public final class CsvImportViewModel {

    /** Larger files are refused before reading: the server takes at most 5,000 rows in one request anyway. */
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    private final CatalogueClient client;
    private final Background background;
    private final Runnable onImported;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final ObjectProperty<ImportReport> report = new SimpleObjectProperty<>();
    private final StringProperty problem = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);

    /** @param onImported runs after an import that wrote (not after a dry run): the list shows the new rows */
    public CsvImportViewModel(CatalogueClient client, Background background, Runnable onImported) {
        this.client = client;
        this.background = background;
        this.onImported = onImported;
        file.addListener((obs, old, chosen) -> {
            report.set(null);
            problem.set("");
        });
    }

    /** Asks the server what importing the file would do, writing nothing. */
    public void check() {
        send(true);
    }

    /** Imports the file. */
    public void importFile() {
        send(false);
    }

    private void send(boolean dryRun) {
        Path chosen = file.get();
        if (chosen == null || running.get()) {
            return;
        }
        running.set(true);
        problem.set("");
        background.run(() -> client.importMovies(read(chosen), dryRun), answer -> {
            running.set(false);
            report.set(answer);
            if (!answer.dryRun()) {
                onImported.run();
            }
        }, refused -> {
            running.set(false);
            report.set(null);
            problem.set(refused.getMessage());
        });
    }

    private static String read(Path path) {
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw new ApiException("FILE_TOO_LARGE", path.getFileName() + " is larger than "
                        + MAX_FILE_BYTES / (1024 * 1024) + " MB; split it (the server takes at most 5,000 rows at once).");
            }
            String text = Files.readString(path, StandardCharsets.UTF_8);
            // A spreadsheet's byte-order mark is not part of the first column's name.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new ApiException("UNREADABLE_FILE", "Could not read " + path + ": " + e.getMessage());
        }
    }

    /** The report's first line: the server's counts, and whether anything was written. */
    public static String headline(ImportReport report) {
        return (report.dryRun() ? "Dry run, nothing written: " : "Imported: ") + report.summary();
    }

    public ObjectProperty<Path> file() {
        return file;
    }

    /** The last answer; null before one, or after choosing another file. */
    public ObjectProperty<ImportReport> report() {
        return report;
    }

    /** Why the file could not be imported (unreadable, too large, refused by the server); "" when fine. */
    public StringProperty problem() {
        return problem;
    }

    public BooleanProperty running() {
        return running;
    }
}
