package org.mymoviedb.importer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The original Django project's fixture ({@code manage.py loaddata}): {@code {"model": "movies.movie", "pk": 3,
 * "fields": {"title", "release_date" (ISO), "rating" (0-100), "duration" ("HH:MM:SS"), "director" (one name),
 * "genre" (comma-separated)}}}. Durations become whole minutes, rounded to the nearest.
 */
final class FixtureFormat implements RowFormat {

    static final String MODEL = "movies.movie";

    // Django writes a DurationField as "[D ]HH:MM:SS[.ffffff]".
    private static final Pattern DURATION =
            Pattern.compile("(?:(\\d{1,4}) )?(\\d{1,5}):([0-5]\\d):([0-5]\\d)(\\.\\d{1,6})?");

    @Override
    public boolean recognises(JsonNode row) {
        return row.has("model") && row.has("fields");
    }

    @Override
    public String label(JsonNode row, int index) {
        JsonNode pk = row.get("pk");
        return pk != null && (pk.isNumber() || pk.isString()) ? "pk " + pk.asString() : RowFormat.rowNumber(index);
    }

    @Override
    public String titleAsSeen(JsonNode row) {
        JsonNode fields = row.get("fields");
        JsonNode title = fields == null ? null : fields.get("title");
        return title == null || title.isNull() ? null : title.asString();
    }

    @Override
    public MovieImportRow parse(JsonNode row, String label, MovieRowRules rules) {
        String model = JsonFields.text(row, "model");
        if (!MODEL.equals(model)) {
            throw new InvalidRowException("model " + model + " is not " + MODEL);
        }
        JsonNode fields = row.get("fields");
        if (fields == null) {
            throw new InvalidRowException("fields is missing");
        }
        if (!fields.isObject()) {
            throw new InvalidRowException("fields is not an object but " + JsonFields.describe(fields));
        }
        return rules.row(
                label,
                JsonFields.text(fields, "title"),
                releaseDate(JsonFields.text(fields, "release_date")),
                JsonFields.wholeNumber(fields, "rating"),
                minutes(JsonFields.text(fields, "duration")),
                NameList.single(JsonFields.text(fields, "director")),
                NameList.commaSeparated(JsonFields.text(fields, "genre")));
    }

    private static LocalDate releaseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            throw new InvalidRowException("release date \"" + text + "\" is not a date like 1999-03-31");
        }
    }

    private static Integer minutes(String duration) {
        if (duration == null || duration.isBlank()) {
            return null;
        }
        Matcher m = DURATION.matcher(duration.strip());
        if (!m.matches()) {
            throw new InvalidRowException("duration \"" + duration + "\" is not HH:MM:SS");
        }
        long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        BigDecimal seconds = BigDecimal.valueOf(
                        ((days * 24 + Long.parseLong(m.group(2))) * 60 + Long.parseLong(m.group(3))) * 60
                                + Long.parseLong(m.group(4)))
                .add(m.group(5) == null ? BigDecimal.ZERO : new BigDecimal("0" + m.group(5)));
        // Half a minute rounds up, as people round.
        return seconds.divide(BigDecimal.valueOf(60), 0, RoundingMode.HALF_UP).intValueExact();
    }
}
