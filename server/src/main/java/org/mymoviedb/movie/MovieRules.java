package org.mymoviedb.movie;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.mymoviedb.base.UserError;
import org.mymoviedb.rules.MovieRuleSet;
import org.mymoviedb.rules.MovieViolation;
import org.mymoviedb.rules.ViolationCode;

/** The catalogue's {@link MovieRuleSet} applied to a mutation's input: each violation a userError on its field. */
public final class MovieRules {

    private MovieRules() {
    }

    public static void checkTitle(String title, List<UserError> errors) {
        add(MovieRuleSet.checkTitle(title), errors);
    }

    /** {@code given} is a LocalDate, null, or an {@link ImpossibleDate} that a document spelled out. */
    public static void checkReleaseDate(Object given, List<UserError> errors) {
        if (given instanceof ImpossibleDate impossible) {
            // Not a rule of the set but the strict Date scalar's finding: its reason names the text that was given.
            errors.add(UserError.of(ViolationCode.INVALID_DATE.name(), impossible.reason(), "input", "releaseDate"));
            return;
        }
        add(MovieRuleSet.checkReleaseDate((LocalDate) given, LocalDate.now()), errors);
    }

    public static void checkRating(Integer rating, List<UserError> errors) {
        add(MovieRuleSet.checkRating(rating), errors);
    }

    public static void checkRuntime(Integer minutes, List<UserError> errors) {
        add(MovieRuleSet.checkRuntime(minutes), errors);
    }

    private static void add(Optional<MovieViolation> violation, List<UserError> errors) {
        violation.ifPresent(v -> errors.add(UserError.of(v.code().name(), v.message(), "input", v.field())));
    }
}
