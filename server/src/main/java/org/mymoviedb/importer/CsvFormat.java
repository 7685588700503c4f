package org.mymoviedb.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The catalogue's own CSV, as the desktop exports it: a header row {@code title,releaseDate,rating,runtimeMinutes,
 * genres,directors} (RFC 4180), an ISO date, whole numbers, and genres and directors separated by {@code ;}. An
 * empty cell is "not known". {@link CsvRows} turns each line into an object of text cells keyed by the header.
 */
final class CsvFormat implements RowFormat {

    /** The columns, in the order an export writes them. */
    static final List<String> COLUMNS = List.of("title", "releaseDate", "rating", "runtimeMinutes", "genres",
            "directors");

    /** Set by {@link CsvRows} on a line with more cells than the header has columns. */
    static final String EXTRA_CELLS = "(extra cells)";

    @Override
    public boolean recognises(JsonNode row) {
        return row.has("title");
    }

    // Line 1 is the header, so a spreadsheet's row number is the index plus 2.
    @Override
    public String label(JsonNode row, int index) {
        return "line " + (index + 2);
    }

    @Override
    public String titleAsSeen(JsonNode row) {
        return cell(row, "title");
    }

    @Override
    public MovieImportRow parse(JsonNode row, String label, MovieRowRules rules) {
        if (row.has(EXTRA_CELLS)) {
            throw new InvalidRowException("the line has " + row.get(EXTRA_CELLS).asInt()
                    + " more cells than the header has columns (a comma in a value needs quotes)");
        }
        return rules.row(
                label,
                cell(row, "title"),
                releaseDate(cell(row, "releaseDate")),
                wholeNumber(row, "rating"),
                wholeNumber(row, "runtimeMinutes"),
                NameList.separated(cell(row, "directors"), ";"),
                NameList.separated(cell(row, "genres"), ";"));
    }

    private static String cell(JsonNode row, String column) {
        JsonNode value = row.get(column);
        return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString();
    }

    private static Integer wholeNumber(JsonNode row, String column) {
        String text = cell(row, column);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRowException(column + " \"" + text + "\" is not a whole number");
        }
    }

    private static LocalDate releaseDate(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            throw new InvalidRowException("releaseDate \"" + text + "\" is not a date like 1999-03-31");
        }
    }
}
