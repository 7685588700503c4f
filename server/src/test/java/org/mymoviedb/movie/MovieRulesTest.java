package org.mymoviedb.movie;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mymoviedb.base.UserError;

/** Each broken rule becomes one userError on its MovieInput field, with the rule set's code and message. */
class MovieRulesTest {

    @Test
    void aMissingOrBlankTitleIsRequired() {
        for (String title : new String[] {null, "", "   "}) {
            assertThat(errors(MovieRules::checkTitle, title)).as("'%s'", title)
                    .containsExactly(new UserError(List.of("input", "title"), "A title is required", "REQUIRED"));
        }
    }

    @Test
    void aTitleIsCountedInCodePoints() {
        assertThat(errors(MovieRules::checkTitle, "🎬".repeat(512))).isEmpty();
        assertThat(errors(MovieRules::checkTitle, "🎬".repeat(513))).containsExactly(
                new UserError(List.of("input", "title"), "A title has at most 512 characters", "TOO_LONG"));
    }

    @Test
    void aReleaseDateIsRequiredAndWithinItsYears() {
        LocalDate today = LocalDate.now();
        assertThat(errors(MovieRules::checkReleaseDate, null)).containsExactly(
                new UserError(List.of("input", "releaseDate"), "A release date is required", "REQUIRED"));
        assertThat(errors(MovieRules::checkReleaseDate, LocalDate.of(1869, 12, 31))).containsExactly(
                new UserError(List.of("input", "releaseDate"), "Release dates start in 1870", "OUT_OF_RANGE"));
        assertThat(errors(MovieRules::checkReleaseDate, today.plusYears(5).plusDays(1))).containsExactly(
                new UserError(List.of("input", "releaseDate"), "A release date may be at most 5 years ahead",
                        "OUT_OF_RANGE"));
        assertThat(errors(MovieRules::checkReleaseDate, LocalDate.of(1870, 1, 1))).isEmpty();
        assertThat(errors(MovieRules::checkReleaseDate, today.plusYears(5))).isEmpty();
    }

    @Test
    void anImpossibleDateIsAnInvalidDateNamingItsText() {
        ImpossibleDate given = new ImpossibleDate("2024-02-30", "2024-02-30 is not a day on the calendar");

        assertThat(errors(MovieRules::checkReleaseDate, given)).containsExactly(new UserError(
                List.of("input", "releaseDate"), "2024-02-30 is not a day on the calendar", "INVALID_DATE"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(ints = {0, 1, 50, 100})
    void aRatingIsOptionalAndZeroToAHundred(Integer rating) {
        assertThat(errors(MovieRules::checkRating, rating)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 101, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void aRatingOutsideItsRangeIsRefused(int rating) {
        assertThat(errors(MovieRules::checkRating, rating)).containsExactly(
                new UserError(List.of("input", "rating"), "A rating is 0 to 100", "OUT_OF_RANGE"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(ints = {1, 95, 1500})
    void aRuntimeIsOptionalAndOneToFifteenHundredMinutes(Integer minutes) {
        assertThat(errors(MovieRules::checkRuntime, minutes)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -90, 1501})
    void aRuntimeOutsideItsRangeIsRefusedOnRuntimeMinutes(int minutes) {
        assertThat(errors(MovieRules::checkRuntime, minutes)).containsExactly(new UserError(
                List.of("input", "runtimeMinutes"), "A runtime is 1 to 1500 minutes", "OUT_OF_RANGE"));
    }

    @Test
    void everyBrokenRuleIsReportedAndEarlierErrorsAreKept() {
        List<UserError> errors = new ArrayList<>();
        MovieRules.checkTitle(" ", errors);
        MovieRules.checkReleaseDate(LocalDate.of(1700, 1, 1), errors);
        MovieRules.checkRating(140, errors);
        MovieRules.checkRuntime(0, errors);
        MovieRules.checkRating(70, errors);

        assertThat(errors).extracting(UserError::field).containsExactly(List.of("input", "title"),
                List.of("input", "releaseDate"), List.of("input", "rating"), List.of("input", "runtimeMinutes"));
    }

    private static <T> List<UserError> errors(BiConsumer<T, List<UserError>> check, T value) {
        List<UserError> errors = new ArrayList<>();
        check.accept(value, errors);
        return errors;
    }
}
