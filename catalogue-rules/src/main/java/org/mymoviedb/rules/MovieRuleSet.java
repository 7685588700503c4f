package org.mymoviedb.rules;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What a movie's fields may hold, written once: the API's writes, the importer, the constraint-error messages
 * and the desktop form all check these. The database's CHECK constraints on {@code movie} state the same numbers
 * (db/migration/V1__catalogue.sql); only "at most five years ahead" is not there, since it moves with the date.
 */
public final class MovieRuleSet {

    /** Counted in code points, as PostgreSQL's {@code char_length} counts: "🎬" is one character, not two. */
    public static final int MAX_TITLE_CODE_POINTS = 512;
    public static final int MIN_RATING = 0;
    public static final int MAX_RATING = 100;
    public static final int MIN_RUNTIME_MINUTES = 1;
    public static final int MAX_RUNTIME_MINUTES = 1500;
    public static final int EARLIEST_RELEASE_YEAR = 1870;
    /** The first release date the catalogue takes: the year's first day, so "start in 1870" is the whole rule. */
    public static final LocalDate EARLIEST_RELEASE = LocalDate.of(EARLIEST_RELEASE_YEAR, 1, 1);
    /** Announced films may be catalogued; one dated further out than this is a typo in its source. */
    public static final int MAX_YEARS_AHEAD = 5;

    private MovieRuleSet() {
    }

    /** A title's length as the rules and the database count it: in code points. */
    public static int titleLength(String title) {
        return title.codePointCount(0, title.length());
    }

    /** The last release date the catalogue takes on {@code today}. */
    public static LocalDate latestRelease(LocalDate today) {
        return today.plusYears(MAX_YEARS_AHEAD);
    }

    /** The title as it will be stored (callers that trim do so first). */
    public static Optional<MovieViolation> checkTitle(String title) {
        if (title == null || title.isBlank()) {
            return Optional.of(MovieViolation.TITLE_REQUIRED);
        }
        if (titleLength(title) > MAX_TITLE_CODE_POINTS) {
            return Optional.of(MovieViolation.TITLE_TOO_LONG);
        }
        return Optional.empty();
    }

    /** A release date is required; {@code today} decides what "too far ahead" means (callers pass their clock's). */
    public static Optional<MovieViolation> checkReleaseDate(LocalDate date, LocalDate today) {
        if (date == null) {
            return Optional.of(MovieViolation.RELEASE_DATE_REQUIRED);
        }
        if (date.isBefore(EARLIEST_RELEASE)) {
            return Optional.of(MovieViolation.RELEASE_DATE_TOO_EARLY);
        }
        if (date.isAfter(latestRelease(today))) {
            return Optional.of(MovieViolation.RELEASE_DATE_TOO_FAR_AHEAD);
        }
        return Optional.empty();
    }

    /** A rating is optional (unrated); given, it is 0..100. */
    public static Optional<MovieViolation> checkRating(Integer rating) {
        return rating == null || (rating >= MIN_RATING && rating <= MAX_RATING) ? Optional.empty()
                : Optional.of(MovieViolation.RATING_OUT_OF_RANGE);
    }

    /** A runtime is optional (unknown for many films); given, it is 1..1500 whole minutes. */
    public static Optional<MovieViolation> checkRuntime(Integer minutes) {
        return minutes == null || (minutes >= MIN_RUNTIME_MINUTES && minutes <= MAX_RUNTIME_MINUTES)
                ? Optional.empty() : Optional.of(MovieViolation.RUNTIME_OUT_OF_RANGE);
    }
}
