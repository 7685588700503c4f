package org.mymoviedb.importer;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.mymoviedb.cache.CatalogueChanges;
import org.mymoviedb.history.Author;
import org.mymoviedb.movie.MovieFacts;
import org.mymoviedb.movie.MovieWrites;
import org.mymoviedb.names.NameCache;
import org.mymoviedb.names.NamedEntries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports rows into the catalogue: adds new movies, fills in what existing ones lack, and is idempotent. Commits
 * every {@code batchSize} rows, so a crash loses only the batch in progress; a row the database refuses is rolled
 * back to its own savepoint and reported as a rejection, and the rest go on.
 */
public final class MovieImporter {

    public static final int DEFAULT_BATCH_SIZE = 500;

    private static final Logger LOG = LoggerFactory.getLogger(MovieImporter.class);

    private final DSLContext dsl;
    private final MovieWrites writes;
    private final int batchSize;

    public MovieImporter(DSLContext dsl) {
        this(dsl, DEFAULT_BATCH_SIZE);
    }

    public MovieImporter(DSLContext dsl, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, not " + batchSize);
        }
        this.dsl = dsl;
        this.writes = new MovieWrites(dsl);
        this.batchSize = batchSize;
    }

    /** Reads {@code file} with a {@link MovieFileReader} on the system clock and imports its rows. */
    public ImportReport importFile(Path file) {
        return importRows(file.getFileName().toString(), new MovieFileReader().read(file));
    }

    /**
     * Imports {@code rows}; {@code source} names them in the report, and history records the writes as by
     * {@code import:<source>}. Rejections pass straight through.
     */
    public ImportReport importRows(String source, List<? extends RowOutcome> rows) {
        return importRows(source, actorFor(source), rows);
    }

    /** Imports {@code rows} with {@code actor} as the writer history names (the sample data's own name, say). */
    public ImportReport importRows(String source, String actor, List<? extends RowOutcome> rows) {
        return importRows(source, Author.command(actor), rows);
    }

    /** Imports {@code rows} with {@code author} as the writer history names: a signed-in editor, say. */
    public ImportReport importRows(String source, Author author, List<? extends RowOutcome> rows) {
        Tally total = new Tally();
        for (int start = 0; start < rows.size(); start += batchSize) {
            List<? extends RowOutcome> batch = rows.subList(start, Math.min(start + batchSize, rows.size()));
            total.add(dsl.transactionResult(configuration -> {
                Tally tally = importBatch(configuration.dsl(), batch, author);
                CatalogueChanges.announce(configuration.dsl()); // running servers drop cached answers
                return tally;
            }));
            LOG.debug("{}: committed rows {} to {}", source, start + 1, start + batch.size());
        }
        return total.report(source, rows.size());
    }

    /** Who history says wrote the rows of {@code source}: the importing command and its file. */
    public static String actorFor(String source) {
        return "import:" + source;
    }

    /** One batch, through the same write service as the API: the same history and the same statements. */
    private Tally importBatch(DSLContext tx, List<? extends RowOutcome> batch, Author author) {
        Tally tally = new Tally();
        NameCache genres = new NameCache(NamedEntries.GENRES);
        NameCache people = new NameCache(NamedEntries.PEOPLE);
        for (RowOutcome outcome : batch) {
            if (outcome instanceof Rejection rejection) {
                tally.reject(rejection);
            } else if (outcome instanceof MovieImportRow row) {
                MovieFacts facts = new MovieFacts(row.title(), row.releaseDate(), row.rating(), row.runtimeMinutes(),
                        row.directors(), row.genres());
                try {
                    // A nested transaction is a savepoint: a failing row undoes only itself, history included.
                    tally.count(tx.transactionResult(savepoint -> writes.merge(savepoint.dsl(), author, facts,
                            genres, people)));
                } catch (DataAccessException e) {
                    // The rollback may have removed genres or people created since they were remembered.
                    genres.forget();
                    people.forget();
                    tally.reject(new Rejection(row.label(), row.title(), "the database refused it: " + reason(e)));
                }
            }
        }
        return tally;
    }

    // The server's own words ("new row for relation ... violates check constraint ..."), without the SQL.
    private static String reason(DataAccessException e) {
        SQLException sql = e.getCause(SQLException.class);
        String message = sql != null && sql.getMessage() != null ? sql.getMessage() : e.getMessage();
        String firstLine = message.lines().findFirst().orElse(message).strip();
        return firstLine.startsWith("ERROR: ") ? firstLine.substring("ERROR: ".length()) : firstLine;
    }
}
