package org.mymoviedb.admin.movies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.auth.Role;
import org.mymoviedb.admin.support.AdminAppTest;

import static org.testfx.matcher.control.LabeledMatchers.hasText;

/**
 * The movie list: search, filters, server-side sorting, paging, deleting. Each test looks at rows it can name
 * (a title prefix only this class's seed uses, or movies the test makes itself), never at how many movies the
 * whole catalogue holds, which other tests change.
 */
class MovieListTest extends AdminAppTest {

    /** More than two pages of them, all titled with one prefix. */
    private static final int FILLER = 240;
    private static final String FILLER_PREFIX = "Paging filler";

    @BeforeAll
    static void seed() {
        long drama = catalogue.genre("Drama");
        long comedy = catalogue.genre("Comedy");
        long scifi = catalogue.genre("Sci-fi");
        long scott = catalogue.person("Ridley Scott");
        long cameron = catalogue.person("James Cameron");
        long jeunet = catalogue.person("Jean-Pierre Jeunet");
        long varda = catalogue.person("Agnès Varda");
        movie("Alien", 1979, 85, 117, scifi, scott);
        movie("Aliens", 1986, 84, 137, scifi, cameron);
        movie("Amélie", 2001, 83, 122, comedy, jeunet);
        movie("Delicatessen", 1991, 77, 99, comedy, jeunet);
        movie("Cléo from 5 to 7", 1962, 88, 90, drama, varda);
        for (int i = 0; i < FILLER; i++) {
            movie(String.format(FILLER_PREFIX + " %03d", i), 1950 + i % 50, 10 + i % 60, 90, drama, varda);
        }
    }

    private static void movie(String title, int year, int rating, int runtime, long genre, long director) {
        long id = catalogue.movie(title, LocalDate.of(year, 6, 1), rating, runtime);
        catalogue.tag(id, genre);
        catalogue.credit(id, director, 0);
    }

    private TableView<Movie> table;

    @BeforeEach
    void signedIn() {
        signIn();
        table = lookup("#movieTable").queryTableView();
        waitUntil(() -> table.getItems().size() == MovieListViewModel.PAGE_SIZE);
    }

    /** Shows only the filler movies: {@code FILLER} rows of this class's own, in more than two pages. */
    private void onlyFiller() {
        replaceText("#search", FILLER_PREFIX);
        waitUntil(() -> text("#totalCount").equals(FILLER + " movies, " + MovieListViewModel.PAGE_SIZE + " loaded"));
    }

    private List<String> titles() {
        return table.getItems().stream().map(Movie::title).toList();
    }

    @Test
    void showsTheTotalAndPagesInTheRestOnScroll() {
        onlyFiller();

        interact(() -> table.scrollTo(99));
        waitUntil(() -> table.getItems().size() == 200);
        interact(() -> table.scrollTo(199));
        waitUntil(() -> table.getItems().size() == FILLER);
        waitForIdle();

        assertThat(titles()).doesNotHaveDuplicates().allMatch(title -> title.startsWith(FILLER_PREFIX))
                .contains(FILLER_PREFIX + " 000", FILLER_PREFIX + " 239");
        assertThat(text("#totalCount")).isEqualTo(FILLER + " movies, " + FILLER + " loaded");
    }

    @Test
    void searchesOnTheServerAsTheEditorTypes() {
        push(KeyCode.CONTROL, KeyCode.F).write("alien");
        waitUntil(() -> table.getItems().size() == 2);

        assertThat(titles()).containsExactly("Alien", "Aliens");
        assertThat(text("#totalCount")).isEqualTo("2 movies, 2 loaded");
        assertThat(table.getItems().get(0).directorNames()).containsExactly("Ridley Scott");
        assertThat(table.getItems().get(0).genreNames()).containsExactly("Sci-fi");

        push(KeyCode.ESCAPE);
        waitUntil(() -> table.getItems().size() == MovieListViewModel.PAGE_SIZE);
    }

    @Test
    void filtersByGenreDirectorYearsAndRating() {
        clickOn("#genreFilter").clickOn(lookup(".combo-box-popup .list-cell").match(hasText("Comedy")).queryLabeled());
        waitUntil(() -> titles().equals(List.of("Amélie", "Delicatessen")));

        replaceText("#yearFrom", "1995");
        waitUntil(() -> titles().equals(List.of("Amélie")));

        clickOn("#clearFilters");
        replaceText("#directorFilter", "scott");
        waitUntil(() -> titles().equals(List.of("Alien")));

        clickOn("#clearFilters");
        replaceText("#ratingFrom", "84");
        replaceText("#ratingTo", "87");
        waitUntil(() -> titles().equals(List.of("Alien", "Aliens")));
        assertThat(text("#totalCount")).startsWith("2 movies");
    }

    @Test
    void sortsOnTheServerByTheClickedColumn() {
        // The filler's ratings run 10 to 69 and its years 1950 to 1999, spread over more than two pages.
        onlyFiller();
        clickOn("#columnRating");
        waitUntil(() -> table.getItems().get(0).rating() == 10);
        clickOn("#columnRating");
        waitUntil(() -> table.getItems().get(0).rating() == 69);
        // The server sorted every match, not just the loaded page.
        assertThat(table.getItems().stream().map(Movie::rating).toList()).isSortedAccordingTo((a, b) -> b - a);

        clickOn("#columnReleased");
        waitUntil(() -> table.getItems().get(0).releaseYear() == 1950);
        assertThat(table.getItems().stream().map(Movie::releaseDate).toList()).isSorted();
    }

    @Test
    void tabMovesFromTheSearchThroughTheFiltersToTheTable() {
        assertThat(tabbingFrom("#search", 11)).containsExactly("genreFilter", "directorFilter", "yearFrom", "yearTo",
                "ratingFrom", "ratingTo", "noDirector", "noRating", "noRuntime", "clearFilters", "movieTable");
        push(KeyCode.SHIFT, KeyCode.TAB);
        assertThat(focusedIn("#search")).isEqualTo("clearFilters");
    }

    @Test
    void deletesTheSelectedMoviesAfterNamingThem() {
        // Movies of this test's own, so the other tests' catalogue stays as seeded.
        catalogue.movie("Doomed One", LocalDate.of(2001, 1, 1), 50, 90);
        catalogue.movie("Doomed Two", LocalDate.of(2002, 1, 1), 50, 90);
        replaceText("#search", "doomed");
        settle();
        assertThat(titles()).containsExactly("Doomed One", "Doomed Two");
        clickOn(cell("Doomed One"));
        press(KeyCode.SHIFT).clickOn(cell("Doomed Two")).release(KeyCode.SHIFT);
        push(KeyCode.DELETE);

        waitUntil(() -> lookup("#confirmDelete").tryQuery().isPresent());
        assertThat(lookup("#confirmDelete .content").queryLabeled().getText())
                .contains("Doomed One (2001)", "Doomed Two (2002)");
        clickOn("Delete 2");

        waitUntil(() -> table.getItems().isEmpty());
        assertThat(server.query("{ movies(filter: {titleContains: \"doomed\"}) { totalCount } }")
                .get("data").get("movies").get("totalCount").asInt()).isZero();
    }

    @Test
    void cancellingTheConfirmationDeletesNothing() {
        replaceText("#search", "Delicatessen");
        settle();
        assertThat(titles()).containsExactly("Delicatessen");
        clickOn(cell("Delicatessen"));
        clickOn("#deleteSelected");
        waitUntil(() -> lookup("#confirmDelete").tryQuery().isPresent());
        clickOn("Cancel");

        assertThat(server.query("{ movies(filter: {titleContains: \"Delicatessen\"}) { totalCount } }")
                .get("data").get("movies").get("totalCount").asInt()).isEqualTo(1);
    }

    @Test
    void theBulkDeleteConfirmationDefaultsToCancelSoEnterKeepsTheMovies() {
        long kept = catalogue.movie("Kept By Enter", LocalDate.of(2003, 1, 1), 50, 90);
        replaceText("#search", "kept by enter");
        settle();
        assertThat(titles()).containsExactly("Kept By Enter");
        clickOn(cell("Kept By Enter"));
        push(KeyCode.DELETE);
        waitUntil(() -> lookup("#confirmDelete").tryQuery().isPresent());
        Button cancel = lookup("#confirmDelete .button").match(hasText("Cancel")).queryButton();
        Button delete = lookup("#confirmDelete .button").match(hasText("Delete 1")).queryButton();
        assertThat(cancel.isDefaultButton()).isTrue();
        assertThat(delete.isDefaultButton()).isFalse();
        waitUntil(cancel::isFocused);

        push(KeyCode.ENTER);
        waitUntil(() -> lookup("#confirmDelete").tryQuery().isEmpty());
        settle();
        assertThat(server.query("{ movies(filter: {titleContains: \"Kept By Enter\"}) { totalCount } }")
                .get("data").get("movies").get("totalCount").asInt()).isEqualTo(1);
        forget(kept);
    }

    @Test
    void deletingMoviesSomeoneJustChangedDeletesNoneAndNamesTheChangedOnes() {
        long one = catalogue.movie("Stale One", LocalDate.of(2004, 1, 1), 50, 90);
        long two = catalogue.movie("Stale Two", LocalDate.of(2005, 1, 1), 50, 90);
        replaceText("#search", "stale");
        settle();
        assertThat(titles()).containsExactly("Stale One", "Stale Two");
        clickOn(cell("Stale One"));
        press(KeyCode.SHIFT).clickOn(cell("Stale Two")).release(KeyCode.SHIFT);
        // Meanwhile a colleague retitles the second one; the list still shows version 1.
        String colleague = server.signedIn("colleague", Role.EDITOR);
        server.queryAs(colleague, "mutation($id: ID!) { updateMovie(id: $id, expectedVersion: 1, "
                + "input: {title: \"Stale Two (restored)\"}) { userErrors { code } } }", Map.of("id", String.valueOf(two)));

        push(KeyCode.DELETE);
        waitUntil(() -> lookup("#confirmDelete").tryQuery().isPresent());
        clickOn("Delete 2");

        waitUntil(() -> lookup("#banner").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(text("#bannerMessage")).startsWith("Nothing was deleted").contains("\"Stale Two (restored)\"")
                .doesNotContain("\"Stale One\"");
        waitUntil(() -> titles().equals(List.of("Stale One", "Stale Two (restored)")));
        assertThat(server.query("{ movies(filter: {titleContains: \"stale\"}) { totalCount } }")
                .get("data").get("movies").get("totalCount").asInt()).isEqualTo(2);
        forget(one, two);
    }

    /** Removes a test's own movies, so the other tests' catalogue stays as seeded. */
    private static void forget(long... ids) {
        for (long id : ids) {
            server.database().dsl().execute("delete from movie where id = ?", id);
        }
    }
}
