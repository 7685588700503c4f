package org.mymoviedb.importer;

import java.time.LocalDate;
import java.util.List;
import org.mymoviedb.movie.MovieRules;

/**
 * The catalogue's rules for a movie row, checked before the database sees it so a bad row is named with a
 * reason instead of failing on a constraint. Mirrors the CHECKs of the movie table.
 */
final class MovieRowRules {

    // The same limits an editor's write is held to.
    static final int MAX_TITLE_LENGTH = MovieRules.MAX_TITLE_LENGTH;
    static final LocalDate EARLIEST_RELEASE = MovieRules.EARLIEST_RELEASE;
    static final int FUTURE_YEARS = MovieRules.MAX_YEARS_AHEAD;
    static final int MAX_RUNTIME_MINUTES = MovieRules.MAX_RUNTIME_MINUTES;

    private final LocalDate latestRelease;

    /** {@code today} decides what "too far in the future" means; tests pin it. */
    MovieRowRules(LocalDate today) {
        // Announced films may be dated ahead; decades ahead is a typo in the source.
        this.latestRelease = today.plusYears(FUTURE_YEARS);
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
        return new MovieImportRow(
                label,
                title(title),
                releaseDate(releaseDate),
                rating(rating),
                runtime(runtimeMinutes),
                directors,
                genres);
    }

    private static String title(String title) {
        String trimmed = title == null ? "" : title.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidRowException("title is missing");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_TITLE_LENGTH) {
            throw new InvalidRowException("title is longer than " + MAX_TITLE_LENGTH + " characters");
        }
        return trimmed;
    }

    private LocalDate releaseDate(LocalDate date) {
        if (date == null) {
            throw new InvalidRowException("release date is missing");
        }
        if (date.isBefore(EARLIEST_RELEASE)) {
            throw new InvalidRowException("release date " + date + " is before " + EARLIEST_RELEASE);
        }
        if (date.isAfter(latestRelease)) {
            throw new InvalidRowException(
                    "release date " + date + " is more than " + FUTURE_YEARS + " years in the future");
        }
        return date;
    }

    private static Integer rating(Integer rating) {
        if (rating != null && (rating < 0 || rating > 100)) {
            throw new InvalidRowException("rating " + rating + " is outside 0..100");
        }
        return rating;
    }

    private static Integer runtime(Integer minutes) {
        if (minutes != null && (minutes <= 0 || minutes > MAX_RUNTIME_MINUTES)) {
            throw new InvalidRowException(
                    "running time " + minutes + " minutes is outside 1.." + MAX_RUNTIME_MINUTES);
        }
        return minutes;
    }
}
