package org.mymoviedb.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mymoviedb.jooq.Tables.MOVIE;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.auth.Role;
import org.mymoviedb.base.UserError;
import org.mymoviedb.data.ConstraintErrors;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/**
 * The rule set, the migrated database's CHECK constraints and the API say the same about the same values: what
 * the rules take the database stores, what they refuse the database refuses with a constraint whose userError is
 * the rule's own, and the API answers as the rules do.
 */
class MovieRulesAgreeWithDatabaseTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass().withAccount("agnes", Role.EDITOR);

    private static final String CLAPPER = "🎬";
    private static final LocalDate A_DATE = LocalDate.of(1999, 3, 31);
    private static final String CREATE = "mutation($input: MovieInput!) { createMovie(input: $input) { "
            + "movie { title } userErrors { field message code } } }";

    /** Every stored movie needs its own title and date, or the identity index would answer instead. */
    private static final AtomicInteger distinct = new AtomicInteger();

    @Test
    void titlesAreCountedInCodePointsByBoth() {
        String longest = CLAPPER.repeat(MovieRuleSet.MAX_TITLE_CODE_POINTS);
        assertThat(longest.length()).isEqualTo(1024);
        agreeOnTitle(longest);
        agreeOnTitle(CLAPPER.repeat(MovieRuleSet.MAX_TITLE_CODE_POINTS + 1));
        agreeOnTitle("é".repeat(512));
        agreeOnTitle("t".repeat(513));
        agreeOnTitle(" ");
        assertThat(MovieRuleSet.checkTitle(" ")).contains(MovieViolation.TITLE_REQUIRED);
        assertThat(MovieRuleSet.checkTitle(longest)).isEmpty();
    }

    @Test
    void releaseDatesStartOnTheSameDay() {
        agreeOnReleaseDate(MovieRuleSet.EARLIEST_RELEASE);
        agreeOnReleaseDate(MovieRuleSet.EARLIEST_RELEASE.minusDays(1));
        assertThat(MovieRuleSet.checkReleaseDate(LocalDate.of(1869, 12, 31), LocalDate.now())).isPresent();
    }

    @Test
    void fiveYearsAheadIsARuleOfTheWritersNotOfTheDatabase() {
        // The limit moves with the calendar, so no CHECK could state it: a stored date stays valid forever.
        LocalDate sixYearsAhead = LocalDate.now().plusYears(6);
        assertThat(MovieRuleSet.checkReleaseDate(sixYearsAhead, LocalDate.now()))
                .contains(MovieViolation.RELEASE_DATE_TOO_FAR_AHEAD);
        assertThat(insert(uniqueTitle(), sixYearsAhead, null, null)).isEmpty();
    }

    @Test
    void ratingsRunZeroToHundredInBoth() {
        for (int rating : List.of(-1, 0, 100, 101)) {
            agree(MovieRuleSet.checkRating(rating), insert(uniqueTitle(), A_DATE, rating, null));
        }
    }

    @Test
    void runtimesRunOneTo1500MinutesInBoth() {
        for (int minutes : List.of(0, 1, 1500, 1501)) {
            agree(MovieRuleSet.checkRuntime(minutes), insert(uniqueTitle(), A_DATE, null, minutes));
        }
    }

    @Test
    void theApiTakesTitlesUpTo512CodePointsWhateverTheirUtf16Length() {
        assertThat(create(CLAPPER.repeat(300)).get("userErrors").size()).as("300 emoji are 600 UTF-16 units")
                .isZero();
        assertThat(create(CLAPPER.repeat(512)).get("movie").get("title").asString())
                .isEqualTo(CLAPPER.repeat(512));
        JsonNode tooLong = create(CLAPPER.repeat(513)).get("userErrors").get(0);
        assertThat(tooLong.get("code").asString()).isEqualTo("TOO_LONG");
        assertThat(tooLong.get("message").asString()).isEqualTo(MovieViolation.TITLE_TOO_LONG.message());
        assertThat(tooLong.get("field").toString()).isEqualTo("[\"input\",\"title\"]");
    }

    private static JsonNode create(String title) {
        return server.queryAs(server.token("agnes"), CREATE, Map.of("input", Map.of("title", title, "releaseDate", "2001-02-03")))
                .get("data").get("createMovie");
    }

    private static void agreeOnTitle(String title) {
        agree(MovieRuleSet.checkTitle(title), insert(title, A_DATE, null, null));
    }

    private static void agreeOnReleaseDate(LocalDate date) {
        agree(MovieRuleSet.checkReleaseDate(date, LocalDate.now()), insert(uniqueTitle(), date, null, null));
    }

    /** The database refused the row exactly when the rules refuse the value, and says what the rule says. */
    private static void agree(Optional<MovieViolation> rule, Optional<UserError> database) {
        assertThat(database).isEqualTo(rule.map(violation -> UserError.of(violation.code().name(),
                violation.message(), "input", violation.field())));
    }

    /** Inserts past every check but the database's own; the userError for the constraint it broke, if any. */
    private static Optional<UserError> insert(String title, LocalDate releaseDate, Integer rating, Integer runtime) {
        DataAccessException refused = catchThrowableOfType(DataAccessException.class, () -> server.database().dsl()
                .insertInto(MOVIE)
                .set(MOVIE.TITLE, title)
                .set(MOVIE.RELEASE_DATE, releaseDate)
                .set(MOVIE.RATING, rating == null ? null : rating.shortValue())
                .set(MOVIE.RUNTIME_MINUTES, runtime)
                .execute());
        return refused == null ? Optional.empty() : ConstraintErrors.of(refused);
    }

    private static String uniqueTitle() {
        return "Movie " + distinct.incrementAndGet();
    }
}
