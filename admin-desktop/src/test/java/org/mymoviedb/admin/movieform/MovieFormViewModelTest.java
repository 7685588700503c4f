package org.mymoviedb.admin.movieform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.api.MovieField;
import org.mymoviedb.admin.api.MovieQuery;
import org.mymoviedb.admin.support.ViewModelTest;
import org.mymoviedb.auth.Role;
import org.mymoviedb.rules.MovieRuleSet;

/** The movie form's state without a window: the obvious checks, what a save sends, and merging with a colleague. */
class MovieFormViewModelTest extends ViewModelTest {

    private static String colleague;

    @BeforeAll
    static void colleague() {
        colleague = server.signedIn("colleague", Role.EDITOR);
    }

    private final CatalogueClient client = signedInClient();
    private final MovieFormViewModel form = new MovieFormViewModel(client, inline());
    private final List<Movie> saved = new ArrayList<>();

    private Movie opened(String title, int rating, int runtime) {
        Movie movie = client.movie(String.valueOf(catalogue.movie(title, LocalDate.of(1999, 3, 31), rating, runtime)));
        form.load(movie);
        return movie;
    }

    private void colleagueChanges(Movie movie, String input) {
        assertThat(server.queryAs(colleague, "mutation($id: ID!, $v: Int!) { updateMovie(id: $id, expectedVersion: $v, "
                + "input: " + input + ") { userErrors { code } } }", Map.of("id", movie.id(), "v", movie.version()))
                .get("data").get("updateMovie").get("userErrors")).isEmpty();
    }

    private int storedCount(String titleContains) {
        return client.movies(new MovieQuery(titleContains, null, null, null, null, null, null, List.of()), 10, null)
                .totalCount();
    }

    @Test
    void obviousMistakesAreShownOnTheirFieldsAndNothingIsSent() {
        form.title().set("   ");
        form.releaseDate().set("1869-12-31");
        form.rating().set("101");
        form.runtime().set("0");
        form.save(saved::add);

        assertThat(form.error("title").get()).isEqualTo("A title is required");
        assertThat(form.error("releaseDate").get()).isEqualTo("Release dates start in 1870");
        assertThat(form.error("rating").get()).isEqualTo("A rating is 0 to 100");
        assertThat(form.error("runtimeMinutes").get()).isEqualTo("A runtime is 1 to 1500 minutes");

        form.title().set("Never sent " + "x".repeat(MovieRuleSet.MAX_TITLE_CODE_POINTS));
        form.releaseDate().set("31.13.1999");
        form.rating().set("");
        form.runtime().set("ninety");
        form.save(saved::add);

        assertThat(form.error("title").get()).isEqualTo("A title has at most 512 characters");
        assertThat(form.error("releaseDate").get()).startsWith("“31.13.1999” is not a date: type it as 1979-05-25 or ");
        assertThat(form.error("rating").get()).isEmpty();
        assertThat(form.error("runtimeMinutes").get()).isEqualTo("A runtime is 1 to 1500 minutes");
        assertThat(saved).isEmpty();
        assertThat(form.saving().get()).isFalse();
        assertThat(storedCount("Never sent")).isZero();
    }

    @Test
    void aNewMovieIsCreatedWithNewNamesAndTheFormThenShowsItAsStored() {
        form.title().set(" Form unit: created ");
        form.releaseDate().set("2001-02-03");
        form.rating().set("77");
        form.genres().add("Form unit genre");
        form.directors().add("Form unit director");
        assertThat(form.dirty().get()).isTrue();

        form.save(saved::add);

        assertThat(saved).singleElement().satisfies(movie -> {
            assertThat(movie.title()).isEqualTo("Form unit: created");
            assertThat(movie.rating()).isEqualTo(77);
            assertThat(movie.runtimeMinutes()).isNull();
            assertThat(movie.genreNames()).containsExactly("Form unit genre");
            assertThat(movie.directorNames()).containsExactly("Form unit director");
        });
        assertThat(form.editing().get()).isEqualTo(saved.get(0));
        assertThat(form.dirty().get()).isFalse();
        assertThat(form.saving().get()).isFalse();
    }

    @Test
    void onlyTheFieldsTheEditorChangedAreSent() {
        Movie movie = opened("Form unit: untouched title", 60, 100);
        // Changed behind the API's back, version and all unchanged: a form that sent every field would write the
        // title it showed back over this one.
        server.database().dsl().execute("update movie set title = ? where id = ?", "Form unit: retitled in place",
                Long.valueOf(new String(java.util.Base64.getUrlDecoder().decode(movie.id()),
                        java.nio.charset.StandardCharsets.US_ASCII).replaceFirst("^Movie:", "")));
        form.rating().set("61");

        form.save(saved::add);

        Movie stored = client.movie(movie.id());
        assertThat(stored.title()).isEqualTo("Form unit: retitled in place");
        assertThat(stored.rating()).isEqualTo(61);
        assertThat(stored.runtimeMinutes()).isEqualTo(100);
    }

    @Test
    void fieldsOnlyOneSideChangedMergeAndSaveWithoutAsking() {
        Movie movie = opened("Form unit: merged", 60, 100);
        form.rating().set("88");
        colleagueChanges(movie, "{runtimeMinutes: 111}");

        form.save(saved::add);

        assertThat(form.conflict().get()).isNull();
        assertThat(saved).hasSize(1);
        Movie stored = client.movie(movie.id());
        assertThat(stored.rating()).isEqualTo(88);
        assertThat(stored.runtimeMinutes()).isEqualTo(111);
    }

    @Test
    void aFieldBothSidesChangedIsAConflictAboutThatFieldOnlyAndTheEditorsChoiceIsSaved() {
        Movie movie = opened("Form unit: disputed", 60, 100);
        form.rating().set("90");
        form.runtime().set("99");
        colleagueChanges(movie, "{rating: 81, title: \"Form unit: disputed (retitled)\"}");

        form.save(saved::add);

        MovieFormViewModel.Conflict conflict = form.conflict().get();
        assertThat(conflict).isNotNull();
        assertThat(conflict.merge().disputed()).containsExactly(MovieField.RATING);
        assertThat(conflict.disagreements()).singleElement().satisfies(disagreement -> {
            assertThat(disagreement.field()).isEqualTo(MovieField.RATING);
            assertThat(disagreement.by()).isEqualTo("colleague");
            assertThat(disagreement.when()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        });
        assertThat(saved).isEmpty();
        assertThat(form.saving().get()).isFalse();
        assertThat(form.rating().get()).isEqualTo("90");

        form.resolve(Set.of(MovieField.RATING));

        assertThat(form.conflict().get()).isNull();
        assertThat(saved).hasSize(1);
        Movie stored = client.movie(movie.id());
        assertThat(stored.title()).isEqualTo("Form unit: disputed (retitled)");
        assertThat(stored.rating()).isEqualTo(90);
        assertThat(stored.runtimeMinutes()).isEqualTo(99);
    }

    @Test
    void reloadingTheirsDropsTheEditorsValuesForTheMovieAsItIsNow() {
        Movie movie = opened("Form unit: reloaded", 60, 100);
        form.rating().set("90");
        colleagueChanges(movie, "{rating: 81}");
        form.save(saved::add);
        assertThat(form.conflict().get()).isNotNull();

        form.reloadCurrent();

        assertThat(form.rating().get()).isEqualTo("81");
        assertThat(form.editing().get().version()).isGreaterThan(movie.version());
        assertThat(form.dirty().get()).isFalse();
        assertThat(form.conflict().get()).isNull();
        assertThat(saved).isEmpty();
    }
}
