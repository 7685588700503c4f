package org.mymoviedb.movie;

import java.time.LocalDate;
import java.util.List;
import org.mymoviedb.base.UserError;

/** What a movie's fields may hold; the database checks the same ranges, these say it in words first. */
public final class MovieRules {

    public static final int MAX_TITLE_LENGTH = 512;
    public static final LocalDate EARLIEST_RELEASE = LocalDate.of(1870, 1, 1);
    /** Announced films may be catalogued, but not ones dated further out than this. */
    public static final int MAX_YEARS_AHEAD = 5;
    public static final int MAX_RUNTIME_MINUTES = 1500;

    private MovieRules() {
    }

    public static void checkTitle(String title, List<UserError> errors) {
        if (title == null || title.isBlank()) {
            errors.add(UserError.of("REQUIRED", "A title is required", "input", "title"));
        } else if (title.length() > MAX_TITLE_LENGTH) {
            errors.add(UserError.of("TOO_LONG", "A title has at most " + MAX_TITLE_LENGTH + " characters",
                    "input", "title"));
        }
    }

    /** {@code given} is a LocalDate, null, or an {@link ImpossibleDate} that a document spelled out. */
    public static void checkReleaseDate(Object given, List<UserError> errors) {
        if (given instanceof ImpossibleDate impossible) {
            errors.add(UserError.of("INVALID_DATE", impossible.reason(), "input", "releaseDate"));
            return;
        }
        LocalDate date = (LocalDate) given;
        if (date == null) {
            errors.add(UserError.of("REQUIRED", "A release date is required", "input", "releaseDate"));
        } else if (date.isBefore(EARLIEST_RELEASE)) {
            errors.add(UserError.of("OUT_OF_RANGE", "Release dates start in 1870", "input", "releaseDate"));
        } else if (date.isAfter(LocalDate.now().plusYears(MAX_YEARS_AHEAD))) {
            errors.add(UserError.of("OUT_OF_RANGE",
                    "A release date may be at most " + MAX_YEARS_AHEAD + " years ahead", "input", "releaseDate"));
        }
    }

    public static void checkRating(Integer rating, List<UserError> errors) {
        if (rating != null && (rating < 0 || rating > 100)) {
            errors.add(UserError.of("OUT_OF_RANGE", "A rating is 0 to 100", "input", "rating"));
        }
    }

    public static void checkRuntime(Integer minutes, List<UserError> errors) {
        if (minutes != null && (minutes < 1 || minutes > MAX_RUNTIME_MINUTES)) {
            errors.add(UserError.of("OUT_OF_RANGE", "A runtime is 1 to " + MAX_RUNTIME_MINUTES + " minutes",
                    "input", "runtimeMinutes"));
        }
    }
}
