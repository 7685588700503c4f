package org.mymoviedb.importer;

import static org.mymoviedb.jooq.Tables.GENRE;
import static org.mymoviedb.jooq.Tables.MOVIE;
import static org.mymoviedb.jooq.Tables.MOVIE_DIRECTOR;
import static org.mymoviedb.jooq.Tables.MOVIE_GENRE;
import static org.mymoviedb.jooq.Tables.PERSON;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Table;

/** Shared by the importer tests: the bundled files read on a pinned clock, and what the tables hold. */
final class ImportTesting {

    static final String FIXTURE = "seed-fixture.json";
    static final String VEGA = "vega-movies.json";

    // Pinned: vega's far-future dates (2033 onwards) would come within five years of a real clock in 2028.
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

    private ImportTesting() {}

    /** A bundled sample file's rows. */
    static List<RowOutcome> rows(String file) {
        try (InputStream in = ImportTesting.class.getResourceAsStream("/sample-data/" + file)) {
            return new MovieFileReader(CLOCK).read(file, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a file whose whole text is {@code json}. */
    static List<RowOutcome> rowsOf(String json) {
        return new MovieFileReader(CLOCK).read("test.json", new java.io.ByteArrayInputStream(
                json.getBytes(StandardCharsets.UTF_8)));
    }

    static ImportReport importFile(DSLContext dsl, String file) {
        return new MovieImporter(dsl).importRows(file, rows(file));
    }

    /** Row count of every catalogue table, by table name. */
    static Map<String, Integer> tableCounts(DSLContext dsl) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Table<?> table : List.of(MOVIE, GENRE, MOVIE_GENRE, PERSON, MOVIE_DIRECTOR)) {
            counts.put(table.getName(), dsl.fetchCount(table));
        }
        return counts;
    }

    static Map<String, Integer> counts(int movies, int genres, int movieGenres, int people, int movieDirectors) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(MOVIE.getName(), movies);
        counts.put(GENRE.getName(), genres);
        counts.put(MOVIE_GENRE.getName(), movieGenres);
        counts.put(PERSON.getName(), people);
        counts.put(MOVIE_DIRECTOR.getName(), movieDirectors);
        return counts;
    }
}
