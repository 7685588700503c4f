package org.mymoviedb.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules at their boundaries, with titles counted in code points as PostgreSQL counts them. */
class MovieRuleSetTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 14);
    private static final String CLAPPER = "🎬";

    @Test
    void aTitleIsCountedInCodePointsNotUtf16Units() {
        String longest = CLAPPER.repeat(512);
        assertEquals(1024, longest.length(), "String.length() counts each emoji twice");
        assertEquals(512, MovieRuleSet.titleLength(longest));
        assertEquals(Optional.empty(), MovieRuleSet.checkTitle(longest));
        assertEquals(Optional.of(MovieViolation.TITLE_TOO_LONG), MovieRuleSet.checkTitle(CLAPPER.repeat(513)));
        assertEquals(Optional.empty(), MovieRuleSet.checkTitle(CLAPPER.repeat(300)));
    }

    @Test
    void aTitleIsRequiredAndAtMost512Characters() {
        assertEquals(Optional.of(MovieViolation.TITLE_REQUIRED), MovieRuleSet.checkTitle(null));
        assertEquals(Optional.of(MovieViolation.TITLE_REQUIRED), MovieRuleSet.checkTitle(""));
        assertEquals(Optional.of(MovieViolation.TITLE_REQUIRED), MovieRuleSet.checkTitle(" \t "));
        assertEquals(Optional.empty(), MovieRuleSet.checkTitle("M"));
        assertEquals(Optional.empty(), MovieRuleSet.checkTitle("é".repeat(512)));
        assertEquals(Optional.of(MovieViolation.TITLE_TOO_LONG), MovieRuleSet.checkTitle("t".repeat(513)));
    }

    @Test
    void releaseDatesRunFrom1870ToFiveYearsAheadOfToday() {
        assertEquals(Optional.of(MovieViolation.RELEASE_DATE_REQUIRED), MovieRuleSet.checkReleaseDate(null, TODAY));
        assertEquals(Optional.of(MovieViolation.RELEASE_DATE_TOO_EARLY),
                MovieRuleSet.checkReleaseDate(LocalDate.of(1869, 12, 31), TODAY));
        assertEquals(Optional.empty(), MovieRuleSet.checkReleaseDate(LocalDate.of(1870, 1, 1), TODAY));
        assertEquals(Optional.empty(), MovieRuleSet.checkReleaseDate(LocalDate.of(2031, 5, 14), TODAY));
        assertEquals(Optional.of(MovieViolation.RELEASE_DATE_TOO_FAR_AHEAD),
                MovieRuleSet.checkReleaseDate(LocalDate.of(2031, 5, 15), TODAY));
    }

    @Test
    void fiveYearsAheadOfALeapDayIsTheLastDayOfFebruary() {
        LocalDate leapDay = LocalDate.of(2028, 2, 29);
        assertEquals(LocalDate.of(2033, 2, 28), MovieRuleSet.latestRelease(leapDay));
        assertEquals(Optional.of(MovieViolation.RELEASE_DATE_TOO_FAR_AHEAD),
                MovieRuleSet.checkReleaseDate(LocalDate.of(2033, 3, 1), leapDay));
    }

    @Test
    void aRatingIsOptionalAndZeroToHundred() {
        assertEquals(Optional.empty(), MovieRuleSet.checkRating(null));
        assertEquals(Optional.empty(), MovieRuleSet.checkRating(0));
        assertEquals(Optional.empty(), MovieRuleSet.checkRating(100));
        assertEquals(Optional.of(MovieViolation.RATING_OUT_OF_RANGE), MovieRuleSet.checkRating(-1));
        assertEquals(Optional.of(MovieViolation.RATING_OUT_OF_RANGE), MovieRuleSet.checkRating(101));
    }

    @Test
    void aRuntimeIsOptionalAndOneTo1500Minutes() {
        assertEquals(Optional.empty(), MovieRuleSet.checkRuntime(null));
        assertEquals(Optional.empty(), MovieRuleSet.checkRuntime(1));
        assertEquals(Optional.empty(), MovieRuleSet.checkRuntime(1500));
        assertEquals(Optional.of(MovieViolation.RUNTIME_OUT_OF_RANGE), MovieRuleSet.checkRuntime(0));
        assertEquals(Optional.of(MovieViolation.RUNTIME_OUT_OF_RANGE), MovieRuleSet.checkRuntime(1501));
    }

    @Test
    void eachViolationNamesItsFieldCodeAndLimit() {
        assertEquals("title", MovieViolation.TITLE_TOO_LONG.field());
        assertEquals(ViolationCode.TOO_LONG, MovieViolation.TITLE_TOO_LONG.code());
        assertEquals("A title has at most 512 characters", MovieViolation.TITLE_TOO_LONG.message());
        assertEquals("Release dates start in 1870", MovieViolation.RELEASE_DATE_TOO_EARLY.message());
        assertEquals("A release date may be at most 5 years ahead",
                MovieViolation.RELEASE_DATE_TOO_FAR_AHEAD.message());
        assertEquals("A rating is 0 to 100", MovieViolation.RATING_OUT_OF_RANGE.message());
        assertEquals("runtimeMinutes", MovieViolation.RUNTIME_OUT_OF_RANGE.field());
        assertEquals("A runtime is 1 to 1500 minutes", MovieViolation.RUNTIME_OUT_OF_RANGE.message());
    }
}
