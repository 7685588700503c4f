package org.mymoviedb.admin.movies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.names.GenreCatalogue;
import org.mymoviedb.admin.names.NameListViewModel;
import org.mymoviedb.admin.shell.Background;
import org.mymoviedb.admin.support.SwitchableProxy;
import org.mymoviedb.admin.support.ViewModelTest;

/** A list that never misleads, without a window: failures, Retry, counts, filter problems, genre changes. */
class TrustworthyListTest extends ViewModelTest {

    private static SwitchableProxy proxy;
    private final Deque<Runnable> unanswered = new ArrayDeque<>();

    @BeforeAll
    static void seed() {
        proxy = new SwitchableProxy(server.uri("/graphql"));
        catalogue.movie("Trust Alien", LocalDate.of(1979, 5, 25), 84, 117);
        catalogue.movie("Trust Godfather", LocalDate.of(1972, 3, 24), 92, 175);
        catalogue.movie("Trust Godfather", LocalDate.of(1972, 12, 1), 40, 90);
    }

    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    private static CatalogueClient proxiedClient() {
        proxy.up();
        CatalogueClient client = new CatalogueClient(proxy.uri(), Duration.ofSeconds(5));
        client.login(EDITOR, PASSWORD);
        return client;
    }

    @Test
    void aFailureEndsLoadingAndRetryReloadsTheCurrentSearchNotTheFailedOne() {
        Background background = inline();
        MovieListViewModel model = new MovieListViewModel(proxiedClient(), background);
        model.search().set("Trust Alien");
        proxy.down();
        model.reload();
        assertThat(model.loading().get()).as("loading after a failure").isFalse();
        assertThat(background.problem().get()).isNotNull();

        // The editor types another search while the server is away, then presses Retry.
        model.search().set("Trust Godfather");
        proxy.up();
        background.problem().get().retry().run();

        assertThat(model.movies()).extracting(Movie::title).containsOnly("Trust Godfather").hasSize(2);
        assertThat(background.problem().get()).as("the banner once the server answers").isNull();
    }

    @Test
    void theBannerOfAFailureClearsWhenAnyLaterCallSucceeds() {
        Background background = inline();
        MovieListViewModel model = new MovieListViewModel(proxiedClient(), background);
        proxy.down();
        model.loadGenres();
        assertThat(background.problem().get()).isNotNull();
        proxy.up();
        model.search().set("Trust");
        model.reload();
        assertThat(background.problem().get()).isNull();
    }

    @Test
    void whileTheFirstPageIsOnItsWayTheCountSaysLoading() {
        MovieListViewModel model = new MovieListViewModel(signedInClient(),
                new Background(unanswered::add, Runnable::run));
        model.search().set("Trust Godfather");
        model.reload();
        assertThat(model.countText()).isEqualTo("Loading…");
        unanswered.poll().run();
        assertThat(model.countText()).isEqualTo("2 movies, 2 loaded");
    }

    @Test
    void countsReadOneWay() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.US);
        try {
            assertThat(MovieListViewModel.counted(3191, 3191)).isEqualTo("3,191 movies, 3,191 loaded");
            assertThat(MovieListViewModel.counted(3191, 100)).isEqualTo("3,191 movies, 100 loaded");
            assertThat(MovieListViewModel.counted(1, 1)).isEqualTo("1 movie");
            assertThat(MovieListViewModel.counted(0, 0)).isEqualTo("0 movies");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aYearThatIsNoNumberIsSaidToBeNoYear() {
        MovieListViewModel model = new MovieListViewModel(signedInClient(), inline());
        model.yearFrom().set("19x0");
        assertThat(model.filterProblem().get()).isEqualTo("“19x0” is not a year");
        model.yearFrom().set("1970");
        assertThat(model.filterProblem().get()).isEmpty();
        model.ratingTo().set("good");
        assertThat(model.filterProblem().get()).isEqualTo("“good” is not a rating (0–100)");
    }

    @Test
    void anyGenreComesFirstAndFiltersNothing() {
        MovieListViewModel model = new MovieListViewModel(signedInClient(), inline());
        model.loadGenres();
        assertThat(model.genreNames().get(0)).isEqualTo(MovieListViewModel.ANY_GENRE);
        model.genre().set(MovieListViewModel.ANY_GENRE);
        assertThat(model.query().genre()).isNull();
    }

    @Test
    void theGenreFilterLearnsOfGenresCreatedRenamedAndDeletedInTheGenresTab() {
        CatalogueClient client = signedInClient();
        MovieListViewModel model = new MovieListViewModel(client, inline());
        NameListViewModel genres = new NameListViewModel(new GenreCatalogue(client), inline());
        genres.onChanged(model::loadGenres);
        model.loadGenres();

        genres.create("Trust noir");
        assertThat(model.genreNames()).contains("Trust noir");
        model.genre().set("Trust noir");
        genres.search().set("Trust noir");
        genres.reload();
        genres.rename(genres.names().get(0), "Trust neo-noir");
        assertThat(model.genreNames()).contains("Trust neo-noir").doesNotContain("Trust noir");
        assertThat(model.genre().get()).as("the filter no longer names a genre that is gone").isNull();
        genres.search().set("Trust neo-noir");
        genres.reload();
        genres.delete(genres.names().get(0));
        assertThat(model.genreNames()).doesNotContain("Trust neo-noir");
    }

    @Test
    void aSavedMovieReplacesItsRowInPlace() {
        MovieListViewModel model = new MovieListViewModel(signedInClient(), inline());
        model.search().set("Trust");
        model.reload();
        Movie second = model.movies().get(1);
        Movie renamed = new Movie(second.id(), "Trust renamed", second.releaseDate(), second.rating(),
                second.runtime(), second.genres(), second.directors(), second.version() + 1);
        assertThat(model.replace(renamed)).isTrue();
        assertThat(model.movies().get(1)).isEqualTo(renamed);
        assertThat(model.movies()).hasSize(3);
    }

    @Test
    void peopleLoadMoreAsksForTheNextPageOnce() {
        Deque<Runnable> held = new ArrayDeque<>();
        NameListViewModel people = new NameListViewModel(
                new org.mymoviedb.admin.names.PersonCatalogue(signedInClient()), new Background(held::add, Runnable::run));
        for (int i = 0; i < 130; i++) {
            catalogue.person(String.format("Trust person %03d", i));
        }
        people.search().set("Trust person");
        people.reload();
        held.poll().run();
        assertThat(people.hasMore().get()).isTrue();
        people.loadMore();
        people.loadMore();
        assertThat(held).as("calls on their way").hasSize(1);
    }
}
