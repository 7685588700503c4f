package org.mymoviedb.admin.movies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.api.MovieQuery;
import org.mymoviedb.admin.api.MovieQuery.MovieOrder;
import org.mymoviedb.admin.shell.Background;
import org.mymoviedb.admin.support.ViewModelTest;

/** The movie list's state without a window: the query the filters make, paging, and late answers dropped. */
class MovieListViewModelTest extends ViewModelTest {

    private static final int REELS = 130;

    @BeforeAll
    static void seed() {
        for (int i = 0; i < REELS; i++) {
            catalogue.movie(String.format("Paging reel %03d", i), LocalDate.of(1960 + i % 40, 3, 1), i % 100, 95);
        }
    }

    /** Calls wait here until the test answers them, in whatever order it chooses. */
    private final Deque<Runnable> unanswered = new ArrayDeque<>();

    private MovieListViewModel inlineList() {
        return new MovieListViewModel(signedInClient(), inline());
    }

    private MovieListViewModel heldList() {
        return new MovieListViewModel(signedInClient(), new Background(unanswered::add, Runnable::run));
    }

    private static List<String> titles(MovieListViewModel model) {
        return model.movies().stream().map(Movie::title).toList();
    }

    @Test
    void theQueryIsWhatTheFiltersSayAndHalfTypedNumbersDoNotFilter() {
        MovieListViewModel model = inlineList();
        model.search().set("alien");
        model.genre().set("Sci-fi");
        model.director().set("scott");
        model.yearFrom().set(" 1979 ");
        model.yearTo().set("19x");
        model.ratingFrom().set("80");
        model.ratingTo().set("12345");
        MovieOrder byRating = new MovieOrder("RATING", true);
        model.orderBy(List.of(byRating));

        // The search box goes to the server's search, which matches titles and directors' names.
        assertThat(model.query()).isEqualTo(new MovieQuery(null, "Sci-fi", "scott", 1979, null, 80, null,
                List.of(byRating), "alien", null, null, null));

        model.clearFilters();
        assertThat(model.query()).isEqualTo(new MovieQuery(null, null, "", null, null, null, null, List.of(byRating),
                "", null, null, null));
    }

    @Test
    void pagesArriveByCursorUntilTheLastOne() {
        MovieListViewModel model = inlineList();
        model.search().set("Paging reel");

        model.reload();
        assertThat(model.movies()).hasSize(MovieListViewModel.PAGE_SIZE);
        assertThat(model.totalCount().get()).isEqualTo(REELS);
        assertThat(model.hasMore().get()).isTrue();

        model.loadMore();
        assertThat(model.movies()).hasSize(REELS);
        assertThat(titles(model)).doesNotHaveDuplicates().allMatch(title -> title.startsWith("Paging reel"));
        assertThat(model.hasMore().get()).isFalse();
        assertThat(model.loading().get()).isFalse();

        model.loadMore();
        assertThat(model.movies()).hasSize(REELS);
    }

    @Test
    void whenTheRowsChangeTheCountAlreadyGoesWithThem() {
        MovieListViewModel model = inlineList();
        List<Integer> countsSeenWithRows = new ArrayList<>();
        model.movies().addListener((ListChangeListener<Movie>) change -> countsSeenWithRows.add(model.totalCount().get()));
        model.search().set("Paging reel 00");

        model.reload();

        assertThat(countsSeenWithRows).containsOnly(10);
    }

    @Test
    void aSlowAnswerToAnOlderSearchNeverLandsInTheList() {
        MovieListViewModel model = heldList();
        model.search().set("Paging reel 00");
        model.reload();
        model.search().set("Paging reel 12");
        model.reload();

        // The newer search answers first, the older one after it.
        unanswered.pollLast().run();
        unanswered.pollLast().run();

        assertThat(titles(model)).hasSize(10).allMatch(title -> title.startsWith("Paging reel 12"));
        assertThat(model.totalCount().get()).isEqualTo(10);
    }

    @Test
    void aNextPageOfASearchThatWasReplacedIsDropped() {
        MovieListViewModel model = heldList();
        model.search().set("Paging reel");
        model.reload();
        unanswered.poll().run();
        model.loadMore();
        model.search().set("Paging reel 00");
        model.reload();

        unanswered.pollLast().run();
        unanswered.pollLast().run();

        assertThat(titles(model)).hasSize(10).allMatch(title -> title.startsWith("Paging reel 00"));
        assertThat(model.hasMore().get()).isFalse();
    }
}
