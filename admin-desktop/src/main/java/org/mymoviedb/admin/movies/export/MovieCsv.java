package org.mymoviedb.admin.movies.export;

import java.io.Closeable;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mymoviedb.admin.api.Movie;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * Writes movies as the catalogue's own CSV, the one the server's {@code importMovies} and {@code import} read: the
 * header {@code title,releaseDate,rating,runtimeMinutes,genres,directors}, RFC 4180 quoting, ISO dates, genres and
 * directors separated by {@code ;}, an empty cell for what is not known. One row at a time, straight to the writer.
 */
final class MovieCsv implements Closeable {

    static final List<String> COLUMNS = List.of("title", "releaseDate", "rating", "runtimeMinutes", "genres",
            "directors");
    // Quotes only where RFC 4180 needs them (a comma, quote or line break), so the file reads as plain text.
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING, CsvWriteFeature.QUOTE_STRINGS_WITH_LEADING_TRAILING_WHITESPACE)
            .build();
    private static final CsvSchema SCHEMA = schema();

    private final SequenceWriter rows;

    /** Starts the file: writes the header row. */
    MovieCsv(Writer out) {
        rows = MAPPER.writer(SCHEMA).writeValues(out);
    }

    private static CsvSchema schema() {
        CsvSchema.Builder builder = CsvSchema.builder();
        COLUMNS.forEach(builder::addColumn);
        return builder.build().withHeader();
    }

    void write(Movie movie) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("title", movie.title());
        row.put("releaseDate", movie.releaseDate());
        row.put("rating", movie.rating());
        row.put("runtimeMinutes", movie.runtimeMinutes());
        row.put("genres", String.join(";", movie.genreNames()));
        row.put("directors", String.join(";", movie.directorNames()));
        rows.write(row);
    }

    /** Pushes what is written so far to the file: a page at a time, so memory never holds more. */
    void flush() {
        rows.flush();
    }

    @Override
    public void close() {
        rows.close();
    }
}
