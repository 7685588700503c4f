package org.mymoviedb.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a movie file into one {@link RowOutcome} per row, telling the format from the rows themselves: a Django
 * fixture (objects with "model" and "fields") or the vega-datasets movies list (objects with "Title"); a file
 * named {@code *.csv} is the catalogue's own CSV ({@link CsvFormat}).
 */
public final class MovieFileReader {

    private static final List<RowFormat> FORMATS = List.of(new FixtureFormat(), new VegaFormat());

    private static final RowFormat CSV = new CsvFormat();

    /** The most rows a CSV file may have when nothing smaller is asked for. */
    public static final int UNLIMITED_ROWS = Integer.MAX_VALUE;

    // Exact decimals, so an IMDB rating of 6.1 is 6.1 and not the double nearest to it.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final Clock clock;

    /** Judges "too far in the future" by the system clock. */
    public MovieFileReader() {
        this(Clock.systemDefaultZone());
    }

    /** Judges "too far in the future" by {@code clock}. */
    public MovieFileReader(Clock clock) {
        this.clock = clock;
    }

    /** The rows of {@code file}; an {@link ImportFileException} naming it when it cannot be read as a whole. */
    public List<RowOutcome> read(Path file) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return readCsv(file.toString(), in, UNLIMITED_ROWS);
            } catch (IOException | UncheckedIOException e) {
                throw new ImportFileException(file + ": cannot read the file: " + e.getMessage(), e);
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        } catch (IOException e) {
            throw new ImportFileException(file + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    /** The rows of a file called {@code name} (for messages) read from {@code in}, which stays open. */
    public List<RowOutcome> read(String name, InputStream in) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            throw new ImportFileException(name + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (UncheckedIOException e) {
            throw new ImportFileException(name + ": cannot read the file: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new ImportFileException(name + ": expected a JSON array of movies, found "
                    + (root == null || root.isMissingNode() ? "nothing" : JsonFields.describe(root)));
        }
        return root.isEmpty() ? List.of() : read(format(name, root), root);
    }

    /**
     * The rows of a CSV file ({@link CsvFormat}: the columns the desktop exports) called {@code name} read from
     * {@code in}; more than {@code maxRows} rows is an {@link ImportFileException}.
     */
    public List<RowOutcome> readCsv(String name, Reader in, int maxRows) {
        JsonNode rows = CsvRows.read(name, in, maxRows);
        return rows.isEmpty() ? List.of() : read(CSV, rows);
    }

    private List<RowOutcome> read(RowFormat format, JsonNode rows) {
        MovieRowRules rules = new MovieRowRules(LocalDate.now(clock));
        List<RowOutcome> outcomes = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            outcomes.add(outcome(format, rules, rows.get(i), i));
        }
        return outcomes;
    }

    private static RowOutcome outcome(RowFormat format, MovieRowRules rules, JsonNode row, int index) {
        if (!row.isObject()) {
            return new Rejection(RowFormat.rowNumber(index), null,
                    "row is not a JSON object but " + JsonFields.describe(row));
        }
        String label = format.label(row, index);
        try {
            return format.parse(row, label, rules);
        } catch (InvalidRowException e) {
            return new Rejection(label, format.titleAsSeen(row), e.getMessage());
        }
    }

    // The first object decides: a stray non-object row is that row's problem, not the file's.
    private static RowFormat format(String name, JsonNode rows) {
        for (JsonNode row : rows) {
            if (row.isObject()) {
                for (RowFormat format : FORMATS) {
                    if (format.recognises(row)) {
                        return format;
                    }
                }
                break;
            }
        }
        throw new ImportFileException(name + ": not a known movie file: expected a Django fixture (objects with"
                + " \"model\" and \"fields\") or the vega-datasets movies list (objects with \"Title\")");
    }
}
