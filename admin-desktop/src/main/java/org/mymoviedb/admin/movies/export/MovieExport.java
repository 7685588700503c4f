package org.mymoviedb.admin.movies.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.BooleanSupplier;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.api.MoviePage;
import org.mymoviedb.admin.api.MovieQuery;

/**
 * Exports every movie matching a query, in its order, to a CSV file: page by page through the API (never only
 * what the list has loaded), each page written and flushed before the next is asked for, so memory holds one page
 * whatever the catalogue's size. The rows go to a ".part" file beside the target, which becomes the target only
 * when all are written: a cancelled or failed export leaves no half file and keeps what was there. Blocking; run
 * it off the FX thread.
 */
public final class MovieExport {

    /** The largest page the API gives. */
    static final int PAGE_SIZE = 100;

    /** How far an export got: movies written of how many matched, and whether the editor stopped it. */
    public record Progress(int written, int total, boolean cancelled) {
    }

    /** Hears after each page how far the export is. */
    public interface Listener {
        void written(Progress progress);
    }

    private final CatalogueClient client;

    public MovieExport(CatalogueClient client) {
        this.client = client;
    }

    /** Writes the matches of {@code query} to {@code target}; stops between pages once {@code cancelled} says so. */
    public Progress run(MovieQuery query, Path target, Listener listener, BooleanSupplier cancelled) {
        Path part = partFile(target);
        int written = 0;
        int total = 0;
        boolean complete = false;
        try {
            try (Writer out = Files.newBufferedWriter(part, StandardCharsets.UTF_8);
                 MovieCsv csv = new MovieCsv(out)) {
                String after = null;
                boolean more = true;
                while (more) {
                    if (cancelled.getAsBoolean()) {
                        return new Progress(written, total, true);
                    }
                    MoviePage page = client.movies(query, PAGE_SIZE, after);
                    for (Movie movie : page.movies()) {
                        csv.write(movie);
                    }
                    csv.flush();
                    written += page.movies().size();
                    total = Math.max(page.totalCount(), written);
                    more = page.hasNextPage();
                    after = page.endCursor();
                    listener.written(new Progress(written, total, false));
                }
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            complete = true;
            return new Progress(written, written, false);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target + ": " + e.getMessage(), e);
        } finally {
            if (!complete) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // Nothing more to do: the target itself was never touched.
                }
            }
        }
    }

    /** Where the rows go until all are written. */
    public static Path partFile(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }
}
