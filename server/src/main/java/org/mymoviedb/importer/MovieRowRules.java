package org.mymoviedb.importer;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.mymoviedb.rules.MovieRuleSet;
import org.mymoviedb.rules.MovieViolation;

/**
 * The catalogue's rule set ({@link MovieRuleSet}, the one an editor's write is held to) applied to a movie row
 * before the database sees it, so a bad row is named with a reason instead of failing on a constraint.
 */
final class MovieRowRules {

    private final LocalDate today;

    /** {@code today} decides what "too far in the future" means; tests pin it. */
    MovieRowRules(LocalDate today) {
        this.today = today;
    }

    /** A row from values a reader extracted, or an {@link InvalidRowException} naming what is wrong. */
    MovieImportRow row(
            String label,
            String title,
            LocalDate releaseDate,
            Integer rating,
            Integer runtimeMinutes,
            List<String> directors,
            List<String> genres) {
        String trimmed = title == null ? "" : title.strip();
        refuse(MovieRuleSet.checkTitle(trimmed), trimmed);
        refuse(MovieRuleSet.checkReleaseDate(releaseDate, today), releaseDate);
        refuse(MovieRuleSet.checkRating(rating), rating);
        refuse(MovieRuleSet.checkRuntime(runtimeMinutes), runtimeMinutes);
        return new MovieImportRow(label, trimmed, releaseDate, rating, runtimeMinutes, directors, genres);
    }

    private static void refuse(Optional<MovieViolation> violation, Object value) {
        if (violation.isPresent()) {
            throw new InvalidRowException(reason(violation.get(), value));
        }
    }

    /** The import report's wording: it names the value found in the file, which an editor's form need not. */
    private static String reason(MovieViolation violation, Object value) {
        return switch (violation) {
            case TITLE_REQUIRED -> "title is missing";
            case TITLE_TOO_LONG -> "title is longer than " + MovieRuleSet.MAX_TITLE_CODE_POINTS + " characters";
            case RELEASE_DATE_REQUIRED -> "release date is missing";
            case RELEASE_DATE_TOO_EARLY -> "release date " + value + " is before " + MovieRuleSet.EARLIEST_RELEASE;
            case RELEASE_DATE_TOO_FAR_AHEAD -> "release date " + value + " is more than "
                    + MovieRuleSet.MAX_YEARS_AHEAD + " years in the future";
            case RATING_OUT_OF_RANGE -> "rating " + value + " is outside " + MovieRuleSet.MIN_RATING + ".."
                    + MovieRuleSet.MAX_RATING;
            case RUNTIME_OUT_OF_RANGE -> "running time " + value + " minutes is outside "
                    + MovieRuleSet.MIN_RUNTIME_MINUTES + ".." + MovieRuleSet.MAX_RUNTIME_MINUTES;
        };
    }
}
