package org.mymoviedb.importer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The vega-datasets movies list: {@code {"Title", "Release Date" ("Jun 12 1998"), "Running Time min",
 * "Director", "Major Genre", "IMDB Rating", ...}}; other keys are ignored.
 *
 * <p>Ratings: the IMDB rating (0-10, one decimal) becomes the catalogue's 0-100 rating as rating x 10 rounded
 * half up to a whole number, so 6.1 becomes 61 and 8.75 would become 88. A title that is a JSON number is the
 * film's real title ("300", "2012").
 */
final class VegaFormat implements RowFormat {

    // "d" takes one or two digits, so "Jun 2 1998" reads as well as "Jun 02 1998"; STRICT refuses "Feb 30".
    private static final DateTimeFormatter RELEASE_DATE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("MMM d uuuu")
            .toFormatter(Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final BigDecimal MAX_IMDB_RATING = BigDecimal.TEN;

    @Override
    public boolean recognises(JsonNode row) {
        return row.has("Title");
    }

    @Override
    public String label(JsonNode row, int index) {
        return RowFormat.rowNumber(index);
    }

    @Override
    public String titleAsSeen(JsonNode row) {
        JsonNode title = row.get("Title");
        return title == null || title.isNull() ? null : title.asString();
    }

    @Override
    public MovieImportRow parse(JsonNode row, String label, MovieRowRules rules) {
        return rules.row(
                label,
                JsonFields.text(row, "Title"),
                releaseDate(JsonFields.text(row, "Release Date")),
                rating(JsonFields.number(row, "IMDB Rating")),
                JsonFields.wholeNumber(row, "Running Time min"),
                NameList.single(JsonFields.text(row, "Director")),
                NameList.single(JsonFields.text(row, "Major Genre")));
    }

    private static LocalDate releaseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip(), RELEASE_DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidRowException("release date \"" + text + "\" is not a date like Jun 12 1998");
        }
    }

    private static Integer rating(BigDecimal imdb) {
        if (imdb == null) {
            return null;
        }
        if (imdb.signum() < 0 || imdb.compareTo(MAX_IMDB_RATING) > 0) {
            throw new InvalidRowException("IMDB rating " + imdb.toPlainString() + " is outside 0..10");
        }
        return imdb.movePointRight(1).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }
}
