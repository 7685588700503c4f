package org.mymoviedb.graphql.movie;

import java.io.StringReader;
import java.util.List;
import org.jooq.DSLContext;
import org.mymoviedb.base.ApiException;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.history.Author;
import org.mymoviedb.importer.ImportFileException;
import org.mymoviedb.importer.ImportReport;
import org.mymoviedb.importer.MovieFileReader;
import org.mymoviedb.importer.MovieImporter;
import org.mymoviedb.importer.RowOutcome;

/**
 * importMovies: the {@code import} command's importer on CSV text an editor sends. The whole file is one
 * transaction (a failure leaves nothing half-written), and a dry run is that transaction rolled back.
 */
public final class MovieCsvImport {

    /** The most data rows one call takes: a larger file is split, so one transaction stays short. */
    public static final int MAX_ROWS = 5_000;

    /** ImportMoviesPayload: the import command's report, and whether it was only a dry run. */
    public record ImportMoviesPayload(boolean dryRun, int rowsRead, int added, int updated, int unchanged,
                                      List<org.mymoviedb.importer.Rejection> rejections, String summary) {

        static ImportMoviesPayload of(boolean dryRun, ImportReport report) {
            return new ImportMoviesPayload(dryRun, report.rowsRead(), report.added(), report.updated(),
                    report.unchanged(), report.rejections(), report.summary());
        }
    }

    /** Carries a dry run's report out of the transaction it rolls back. */
    private static final class DryRun extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ImportReport report;

        DryRun(ImportReport report) {
            super(null, null, false, false);
            this.report = report;
        }
    }

    private final DSLContext dsl;
    private final int maxRows;

    public MovieCsvImport(DSLContext dsl) {
        this(dsl, MAX_ROWS);
    }

    /** {@code maxRows}: tests use a small cap. */
    public MovieCsvImport(DSLContext dsl, int maxRows) {
        this.dsl = dsl;
        this.maxRows = maxRows;
    }

    /** Runs on a database thread: reads {@code csv}, imports it as {@code author}, or only reports when dry. */
    public ImportMoviesPayload run(Author author, String csv, boolean dryRun) {
        List<RowOutcome> rows;
        try {
            rows = new MovieFileReader().readCsv("CSV", new StringReader(csv), maxRows);
        } catch (ImportFileException e) {
            throw new ApiException(e.getMessage().startsWith("CSV: more than ") ? ErrorCode.PAYLOAD_TOO_LARGE
                    : ErrorCode.BAD_USER_INPUT, e.getMessage());
        }
        String source = "CSV from " + author.name();
        try {
            ImportReport report = dsl.transactionResult(tx -> {
                ImportReport done = new MovieImporter(tx.dsl(), Math.max(1, rows.size()))
                        .importRows(source, author, rows);
                if (dryRun) {
                    throw new DryRun(done);
                }
                return done;
            });
            return ImportMoviesPayload.of(false, report);
        } catch (DryRun rolledBack) {
            return ImportMoviesPayload.of(true, rolledBack.report);
        }
    }
}
