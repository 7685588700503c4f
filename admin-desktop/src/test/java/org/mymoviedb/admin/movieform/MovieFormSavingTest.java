package org.mymoviedb.admin.movieform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.api.MovieQuery;
import org.mymoviedb.admin.shell.Background;
import org.mymoviedb.admin.support.SwitchableProxy;
import org.mymoviedb.admin.support.ViewModelTest;
import org.mymoviedb.auth.Role;

/**
 * The form's writes when the network is slow or gone, without a window: calls wait in a queue until the test lets
 * them run, so a save can be "in flight" while the editor types or presses Retry. Also Delete, the window's title
 * and release dates typed the locale's way.
 */
class MovieFormSavingTest extends ViewModelTest {

    private static SwitchableProxy proxy;
    private static String colleague;

    @BeforeAll
    static void proxyAndColleague() {
        proxy = new SwitchableProxy(server.uri("/graphql"));
        colleague = server.signedIn("colleague", Role.EDITOR);
    }

    @AfterAll
    static void closeProxy() {
        proxy.close();
    }

    /** Calls sent and not yet answered: each runs (and its answer lands) when the test says so. */
    private final Deque<Runnable> inFlight = new ArrayDeque<>();
    private final Background background = new Background(inFlight::add, Runnable::run);
    private CatalogueClient client;
    private MovieFormViewModel form;
    private final List<Movie> saved = new ArrayList<>();

    @BeforeEach
    void signedInThroughTheProxy() {
        proxy.up();
        client = new CatalogueClient(proxy.uri(), Duration.ofSeconds(5));
        client.login(EDITOR, PASSWORD);
        form = new MovieFormViewModel(client, background, Locale.US);
    }

    /** Lets every waiting call run, and the calls their answers start. */
    private void answerAll() {
        while (!inFlight.isEmpty()) {
            inFlight.poll().run();
        }
    }

    private Movie opened(String title) {
        Movie movie = client.movie(String.valueOf(catalogue.movie(title, LocalDate.of(1979, 5, 25), 60, 100)));
        form.load(movie);
        return movie;
    }

    private int historyEntries(Movie movie) {
        return client.history(movie.id(), 100, null).entries().size();
    }

    private int stored(String title) {
        return client.movies(new MovieQuery(title, null, null, null, null, null, null, List.of()), 10, null)
                .totalCount();
    }

    @Test
    void retryWhileTheNextSaveIsInFlightSavesOnceWithoutAConflict() {
        Movie movie = opened("Saving: retried");
        int before = historyEntries(movie);
        form.rating().set("61");
        proxy.down();
        form.save(saved::add);
        answerAll();
        assertThat(background.problem().get().retry()).as("a failed save offers Retry").isNotNull();
        assertThat(form.saving().get()).isFalse();

        proxy.up();
        form.save(saved::add);
        // The banner is still up while the save goes out again; pressing its Retry must not send it twice.
        background.problem().get().retry().run();
        answerAll();

        assertThat(saved).hasSize(1);
        assertThat(form.conflict().get()).isNull();
        assertThat(form.error("form").get()).isEmpty();
        assertThat(historyEntries(movie)).as("one write").isEqualTo(before + 1);
        assertThat(client.movie(movie.id()).version()).isEqualTo(movie.version() + 1);
        assertThat(form.dirty().get()).isFalse();
    }

    @Test
    void retryOfAFailedCreateCreatesOneMovie() {
        form.title().set("Saving: created once");
        form.releaseDate().set("1979-05-25");
        proxy.down();
        form.save(saved::add);
        answerAll();
        proxy.up();
        form.save(saved::add);
        background.problem().get().retry().run();
        answerAll();

        assertThat(saved).hasSize(1);
        assertThat(form.error("title").get()).as("no duplicate refused").isEmpty();
        assertThat(stored("Saving: created once")).isEqualTo(1);
    }

    @Test
    void retryOfASaveThatTimedOutButWasStoredWritesNothingMore() throws InterruptedException {
        Movie movie = opened("Saving: late answer");
        int before = historyEntries(movie);
        CatalogueClient impatient = new CatalogueClient(proxy.uri(), Duration.ofSeconds(3));
        impatient.login(EDITOR, PASSWORD);
        MovieFormViewModel late = new MovieFormViewModel(impatient, background, Locale.US);
        late.load(movie);
        late.rating().set("62");
        // The proxy passes the save on after the client has given up: stored, but the form never hears so.
        proxy.slow(4500);
        late.save(saved::add);
        answerAll();
        assertThat(background.problem().get().retry()).isNotNull();
        proxy.up();
        for (int i = 0; i < 200 && client.movie(movie.id()).version() == movie.version(); i++) {
            Thread.sleep(50);
        }
        assertThat(historyEntries(movie)).isEqualTo(before + 1);

        background.problem().get().retry().run();
        answerAll();

        assertThat(late.conflict().get()).as("no question about its own change").isNull();
        assertThat(saved).singleElement().satisfies(m -> assertThat(m.rating()).isEqualTo(62));
        assertThat(historyEntries(movie)).as("no second write").isEqualTo(before + 1);
        assertThat(late.editing().get().version()).isEqualTo(movie.version() + 1);
        assertThat(late.dirty().get()).isFalse();
    }

    @Test
    void retryAfterTheFormClosedSendsNothing() {
        Movie movie = opened("Saving: discarded");
        form.rating().set("61");
        proxy.down();
        form.save(saved::add);
        answerAll();
        proxy.up();
        // The editor discards the edit and closes the form; the main window's banner still offers Retry.
        form.close();
        background.problem().get().retry().run();
        answerAll();

        assertThat(saved).isEmpty();
        assertThat(client.movie(movie.id()).rating()).isEqualTo(60);
    }

    @Test
    void whatIsTypedWhileASaveIsInFlightStaysInTheForm() {
        Movie movie = opened("Saving: typed on");
        form.rating().set("61");
        form.save(saved::add);
        // Typed after Save, before the answer.
        form.runtime().set("120");
        form.title().set("Saving: typed on (director's cut)");
        answerAll();

        assertThat(saved).singleElement().satisfies(m -> assertThat(m.rating()).isEqualTo(61));
        assertThat(form.rating().get()).isEqualTo("61");
        assertThat(form.runtime().get()).isEqualTo("120");
        assertThat(form.title().get()).isEqualTo("Saving: typed on (director's cut)");
        assertThat(form.editing().get().version()).isEqualTo(movie.version() + 1);
        assertThat(form.dirty().get()).as("the later edits are not saved yet").isTrue();

        // They go with the next save, against the saved version: no conflict.
        form.save(saved::add);
        answerAll();
        Movie now = client.movie(movie.id());
        assertThat(now.runtimeMinutes()).isEqualTo(120);
        assertThat(now.title()).isEqualTo("Saving: typed on (director's cut)");
        assertThat(now.rating()).isEqualTo(61);
        assertThat(form.dirty().get()).isFalse();
    }

    @Test
    void deleteRemovesTheMovieAndAConflictingDeleteShowsTheMovieAsItIs() {
        Movie movie = opened("Saving: deleted");
        List<Movie> deleted = new ArrayList<>();
        form.delete(deleted::add);
        answerAll();
        assertThat(deleted).containsExactly(movie);
        assertThat(stored("Saving: deleted")).isZero();

        Movie other = opened("Saving: changed, then deleted");
        server.queryAs(colleague, "mutation($id: ID!, $v: Int!) { updateMovie(id: $id, expectedVersion: $v, "
                + "input: {rating: 99}) { userErrors { code } } }", Map.of("id", other.id(), "v", other.version()));
        form.delete(deleted::add);
        answerAll();
        assertThat(deleted).hasSize(1);
        assertThat(form.error("form").get()).startsWith("Not deleted: someone else changed this movie");
        assertThat(form.rating().get()).isEqualTo("99");

        form.delete(deleted::add);
        answerAll();
        assertThat(deleted).hasSize(2);
        assertThat(stored("Saving: changed, then deleted")).isZero();
    }

    @Test
    void theWindowTitleNamesTheMovie() {
        assertThat(form.windowTitle().get()).isEqualTo("New movie");
        opened("Saving: Alien");
        assertThat(form.windowTitle().get()).isEqualTo("Saving: Alien (1979) — mymoviedb");
        assertThat(MovieFormViewModel.named(form.editing().get())).isEqualTo("“Saving: Alien” (1979-05-25)");
    }

    @Test
    void releaseDatesAreReadInIsoAndTheLocalesWayAndNonsenseIsNamed() {
        form.title().set("Saving: dated");
        for (String typed : List.of("1979-05-25", "5/25/1979", " May 25, 1979 ", "may 25, 1979")) {
            form.releaseDate().set(typed);
            assertThat(form.validate()).as(typed).isNotNull().extracting(draft -> draft.releaseDate())
                    .isEqualTo("1979-05-25");
        }
        form.releaseDate().set("5/25/79");
        assertThat(form.validate()).isNull();
        assertThat(form.error("releaseDate").get())
                .isEqualTo("“5/25/79” is not a date: type it as 1979-05-25 or 5/25/1979");
        for (String nonsense : List.of("banana", "2/30/1979", "1979-13-01", "25.05.1979")) {
            form.releaseDate().set(nonsense);
            assertThat(form.validate()).as(nonsense).isNull();
            assertThat(form.error("releaseDate").get()).startsWith("“" + nonsense + "” is not a date");
        }

        MovieFormViewModel german = new MovieFormViewModel(client, background, Locale.GERMANY);
        german.title().set("Saving: datiert");
        german.releaseDate().set("25.05.1979");
        german.save(saved::add);
        answerAll();
        assertThat(saved).singleElement().satisfies(m -> assertThat(m.releaseDate()).isEqualTo("1979-05-25"));
        german.releaseDate().set("5/25/1979");
        assertThat(german.validate()).isNull();
        assertThat(german.error("releaseDate").get())
                .isEqualTo("“5/25/1979” is not a date: type it as 1979-05-25 or 25.05.1979");
    }
}
