package org.mymoviedb.graphql;

import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.MILLI_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQuery;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.mymoviedb.movie.ImpossibleDate;

/**
 * The {@code Date} and {@code DateTime} scalars, strict: a date that does not exist on the calendar
 * ("2024-02-30", "2023-02-29") is refused, never moved to the month's last day as a lenient resolver would.
 * Input is refused with a {@link CoercingParseValueException} (variables: BAD_USER_INPUT) or a
 * {@link CoercingParseLiteralException} (a literal that is no date at all: the document fails validation); either
 * way nothing runs. A date literal naming no day becomes an {@link ImpossibleDate} for the write's rules.
 */
public final class DateScalars {

    /** ISO-8601 calendar date, {@code uuuu-MM-dd}; ISO_LOCAL_DATE's own resolver, stated so it stays strict. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT);

    /** RFC 3339 as read: ISO_OFFSET_DATE_TIME (seconds and fraction optional), strict. */
    static final DateTimeFormatter DATE_TIME_READ =
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.withResolverStyle(ResolverStyle.STRICT);

    /** RFC 3339 as written, always to the millisecond, {@code Z} for UTC: the text the API has always written. */
    static final DateTimeFormatter DATE_TIME_WRITE = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(SECOND_OF_MINUTE, 2)
            .appendFraction(MILLI_OF_SECOND, 3, 3, true)
            .appendOffset("+HH:MM", "Z")
            .toFormatter(Locale.ROOT);

    private DateScalars() {
    }

    /** {@code Date}: a {@link LocalDate}. The description is schema.graphqls'; GraphQLApi sets it. */
    public static GraphQLScalarType date() {
        return GraphQLScalarType.newScalar().name("Date")
                .coercing(new DateLiterals(
                        new StrictTemporal<>("Date", LocalDate.class, LocalDate::from, DATE, DATE::format,
                                "2024-05-31")))
                .build();
    }

    /**
     * The strict Date, except that a literal shaped like a calendar date but naming no day ("2024-02-30") becomes
     * an {@link ImpossibleDate}: the document stays valid and the mutation answers a userError on the field, as
     * for any other value its rules refuse. Dates are only ever mutation input (MovieInput.releaseDate), whose
     * rules know the type. Variables and every other malformed text are refused as before.
     */
    private record DateLiterals(StrictTemporal<LocalDate> strict) implements Coercing<Object, String> {

        private static final Pattern CALENDAR_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            return strict.serialize(value, context, locale);
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return strict.parseValue(input, context, locale);
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                   Locale locale) {
            try {
                return strict.parseLiteral(input, variables, context, locale);
            } catch (CoercingParseLiteralException e) {
                if (input instanceof StringValue text && CALENDAR_SHAPE.matcher(text.getValue()).matches()) {
                    return new ImpossibleDate(text.getValue(), text.getValue() + " is not a day on the calendar");
                }
                throw e;
            }
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return strict.valueToLiteral(input, context, locale);
        }
    }

    /** {@code DateTime}: an {@link OffsetDateTime}. */
    public static GraphQLScalarType dateTime() {
        return GraphQLScalarType.newScalar().name("DateTime")
                .coercing(new StrictTemporal<>("DateTime", OffsetDateTime.class, OffsetDateTime::from,
                        DATE_TIME_READ, DateScalars::dateTimeText, "2024-05-31T12:00:00Z"))
                .build();
    }

    /**
     * {@code instant} as {@link #DATE_TIME_WRITE} writes it, without the formatter's per-field machinery for the
     * years 0-9999 and whole-minute offsets (every timestamp PostgreSQL hands us); the formatter for the rest.
     */
    static String dateTimeText(OffsetDateTime instant) {
        int year = instant.getYear();
        int offset = instant.getOffset().getTotalSeconds();
        if (year < 0 || year > 9999 || offset % 60 != 0) {
            return DATE_TIME_WRITE.format(instant);
        }
        char[] text = new char[offset == 0 ? 24 : 29];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, instant.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, instant.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, instant.getHour(), 2);
        text[13] = ':';
        digits(text, 14, instant.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, instant.getSecond(), 2);
        text[19] = '.';
        digits(text, 20, instant.getNano() / 1_000_000, 3);
        if (offset == 0) {
            text[23] = 'Z';
        } else {
            int minutes = Math.abs(offset) / 60;
            text[23] = offset < 0 ? '-' : '+';
            digits(text, 24, minutes / 60, 2);
            text[26] = ':';
            digits(text, 27, minutes % 60, 2);
        }
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Reads and writes one java.time type as text, refusing anything the calendar lacks. */
    private record StrictTemporal<T extends TemporalAccessor>(String name, Class<T> type, TemporalQuery<T> query,
                                                                DateTimeFormatter read, Function<T, String> write,
                                                                String example) implements Coercing<T, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (!type.isInstance(value)) {
                throw new CoercingSerializeException("Expected a " + type.getSimpleName() + " but got "
                        + (value == null ? "null" : value.getClass().getSimpleName()));
            }
            try {
                return write.apply(type.cast(value));
            } catch (DateTimeException e) {
                throw new CoercingSerializeException("Cannot write " + value + ": " + e.getMessage());
            }
        }

        @Override
        public T parseValue(Object input, GraphQLContext context, Locale locale) {
            if (type.isInstance(input)) {
                return type.cast(input);
            }
            if (!(input instanceof String text)) {
                throw new CoercingParseValueException(expected() + ", not " + describe(input));
            }
            return parse(text, CoercingParseValueException::new);
        }

        @Override
        public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (!(input instanceof StringValue text)) {
                throw new CoercingParseLiteralException(expected() + ", not " + input.getClass().getSimpleName());
            }
            return parse(text.getValue(), CoercingParseLiteralException::new);
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.newStringValue(serialize(input, context, locale)).build();
        }

        private T parse(String text, Function<String, RuntimeException> refusal) {
            try {
                return read.parse(text, query);
            } catch (DateTimeParseException e) {
                // The cause names what is wrong ("Invalid date 'FEBRUARY 30'"); the message names the text.
                String why = e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")";
                throw refusal.apply("\"" + text + "\" is not a valid " + name + why + ": " + expected());
            }
        }

        private String expected() {
            return "expected text like \"" + example + "\"";
        }

        private static String describe(Object input) {
            return input == null ? "null" : input.getClass().getSimpleName();
        }
    }
}
