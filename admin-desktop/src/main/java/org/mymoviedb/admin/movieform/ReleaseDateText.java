package org.mymoviedb.admin.movieform;

import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A release date as an editor types it: ISO (1979-05-25) or the locale's own short or medium form (5/25/1979,
 * 25.05.1979, May 25, 1979), always with the year in full: "5/25/79" could be 1979 or 2079, so it is refused
 * rather than guessed. Dates that do not exist (31.02.1979) are refused too.
 */
final class ReleaseDateText {

    private static final LocalDate EXAMPLE = LocalDate.of(1979, 5, 25);

    /** The locale's short form with the year in full, as the example in error messages shows it. */
    private final DateTimeFormatter example;
    private final List<DateTimeFormatter> accepted;

    ReleaseDateText(Locale locale) {
        this.example = DateTimeFormatter.ofPattern(pattern(FormatStyle.SHORT, locale, false), locale);
        this.accepted = List.of(DateTimeFormatter.ISO_LOCAL_DATE, localized(FormatStyle.SHORT, locale),
                localized(FormatStyle.MEDIUM, locale));
    }

    /** The date {@code text} names, or empty when it names none in any accepted form. */
    Optional<LocalDate> parse(String text) {
        String typed = text.strip();
        for (DateTimeFormatter format : accepted) {
            try {
                return Optional.of(LocalDate.parse(typed, format));
            } catch (DateTimeParseException e) {
                // The next form may read it.
            }
        }
        return Optional.empty();
    }

    /** What to say about text that is no date: the forms that work, shown on one date. */
    String problem(String text) {
        return "“" + text.strip() + "” is not a date: type it as " + EXAMPLE + " or " + example.format(EXAMPLE);
    }

    /** {@code date} the locale's short way, with the year in full: 5/25/1979. */
    String inLocale(LocalDate date) {
        return example.format(date);
    }

    /** How a picked date is written into the field: ISO, the form the server and the list show. */
    static String written(LocalDate date) {
        return date.toString();
    }

    /**
     * The locale's pattern with a four-digit year and one-or-two-digit days and months, parsed strictly (no
     * 31 February) and ignoring case in month names.
     */
    private static DateTimeFormatter localized(FormatStyle style, Locale locale) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern(style, locale, true))
                .toFormatter(locale).withChronology(IsoChronology.INSTANCE).withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * The locale's pattern with its letters outside quotes rewritten: y.. to uuuu and, when {@code loose}, dd to
     * d and MM to M (so one digit or two both read; MMM, month names, stay).
     */
    private static String pattern(FormatStyle style, Locale locale, boolean loose) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(style, null, IsoChronology.INSTANCE,
                locale);
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
                out.append(c);
                i++;
                continue;
            }
            int run = i;
            while (run < pattern.length() && pattern.charAt(run) == c) {
                run++;
            }
            int length = run - i;
            if (quoted) {
                out.append(pattern, i, run);
            } else if (c == 'y' || c == 'u') {
                out.append("uuuu");
            } else if (loose && (c == 'd' || c == 'M') && length <= 2) {
                out.append(c);
            } else {
                out.append(pattern, i, run);
            }
            i = run;
        }
        return out.toString();
    }
}
