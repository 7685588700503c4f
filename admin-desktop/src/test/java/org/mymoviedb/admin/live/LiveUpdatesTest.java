package org.mymoviedb.admin.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.matcher.control.LabeledMatchers;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.api.NamedRef;
import org.mymoviedb.admin.support.AdminAppTest;
import org.mymoviedb.admin.support.CuttableProxy;
import org.mymoviedb.admin.support.OtherEditor;
import org.mymoviedb.admin.support.SwitchableProxy;

/**
 * In a real window against a real server: another editor's write, made through the API, shows in the movie
 * list where the row stands, with the scroll position and the selection kept, and on a form open on that movie
 * as "Changed by ann … ago", the editor's typing kept; with no event stream the window polls and still hears.
 */
class LiveUpdatesTest extends AdminAppTest {

    private static OtherEditor ann;

    @BeforeAll
    static void seed() {
        ann = new OtherEditor(server, "ann");
        for (int i = 0; i < 150; i++) {
            catalogue.movie(String.format("Live reel %03d", i), LocalDate.of(1981, 1, 1 + i % 28), 50, 90);
        }
        catalogue.movie("Notice film", LocalDate.of(1977, 7, 7), 60, 101);
        catalogue.movie("Polling film", LocalDate.of(1978, 8, 8), 60, 101);
        catalogue.genre("Kept genre");
        // Polling rounds a second apart, for the test that has no event stream.
        System.setProperty("mymoviedb.admin.pollMillis", "1000");
    }

    @AfterAll
    static void defaults() {
        System.clearProperty("mymoviedb.admin.pollMillis");
    }

    @Test
    void anotherEditorsChangeUpdatesTheRowInPlaceKeepingScrollAndSelection() {
        signIn();
        waitUntil(() -> text("#liveStatus").equals("● Live"));
        replaceText("#search", "Live reel");
        settle();
        TableView<Movie> table = lookup("#movieTable").queryTableView();
        interactAndGet(() -> {
            table.scrollTo(90);
            table.getSelectionModel().select(90);
            return null;
        });
        waitForIdle();
        int firstVisible = firstVisible(table);
        assertThat(firstVisible).isGreaterThan(50);
        Movie selected = interactAndGet(() -> table.getSelectionModel().getSelectedItem());
        assertThat(selected.title()).isEqualTo("Live reel 090");
        int loaded = interactAndGet(() -> table.getItems().size());

        ann.change(selected.id(), "rating", 77);

        waitUntil(() -> interactAndGet(() -> table.getItems().get(90).rating() == 77));
        waitUntil(() -> cellShows("#movieTable", "77"));
        waitForIdle();
        assertThat(interactAndGet(() -> table.getSelectionModel().getSelectedItem()))
                .extracting(Movie::title, Movie::rating).containsExactly("Live reel 090", 77);
        assertThat(interactAndGet(() -> table.getSelectionModel().getSelectedIndices().size())).isEqualTo(1);
        assertThat(firstVisible(table)).isEqualTo(firstVisible);
        assertThat(interactAndGet(() -> table.getItems().size())).isEqualTo(loaded);
    }

    @Test
    void aFormOpenOnTheMovieSaysWhoChangedWhatAndKeepsTheEditorsTyping() {
        signIn();
        waitUntil(() -> text("#liveStatus").equals("● Live"));
        replaceText("#search", "Notice film");
        settle();
        clickOn(cell("Notice film"));
        Movie shown = interactAndGet(() -> lookup("#movieTable").<Movie>queryTableView().getSelectionModel()
                .getSelectedItem());
        clickOn("#editMovie");
        waitUntil(() -> lookup("#title").tryQuery().isPresent());
        replaceText("#title", "Notice film, retitled here");
        assertThat(lookup("#changedMeanwhile").query().isVisible()).isFalse();

        ann.change(shown.id(), "runtimeMinutes", 142);

        waitUntil(() -> text("#changedMeanwhile").startsWith("Changed by ann "));
        assertThat(text("#changedMeanwhile")).matches("Changed by ann (just now|\\d+ s ago): runtime(Minutes)?");
        assertThat(lookup("#changedMeanwhile").query().isVisible()).isTrue();
        assertThat(text("#title")).isEqualTo("Notice film, retitled here");

        // Saving merges: the title goes the editor's way, the runtime stays ann's.
        clickOn("#save");
        waitUntil(() -> lookup("#title").tryQuery().isEmpty());
        settle();
        waitUntil(() -> cellShows("#movieTable", "Notice film, retitled here"));
        assertThat(cellShows("#movieTable", "142 min")).isTrue();
    }

    @Test
    void aChangeMadeWhileTheConnectionWasDownArrivesOnceItIsBack() {
        catalogue.movie("Dropped film", LocalDate.of(1979, 9, 9), 60, 101);
        try (CuttableProxy proxy = new CuttableProxy(server.uri("/graphql"))) {
            signInAt(proxy.uri().toString());
            waitUntil(() -> text("#liveStatus").equals("● Live"));
            replaceText("#search", "Dropped film");
            settle();
            Movie shown = interactAndGet(() -> lookup("#movieTable").<Movie>queryTableView().getItems().get(0));
            // Heard before the drop, so the stream has an event to resume after.
            ann.change(shown.id(), "rating", 64);
            waitUntil(() -> cellShows("#movieTable", "64"));

            proxy.down();
            waitUntil(() -> text("#liveStatus").equals("Reconnecting…"));
            ann.change(shown.id(), "runtimeMinutes", 121);
            proxy.up();

            waitUntil(() -> text("#liveStatus").equals("● Live"));
            waitUntil(() -> cellShows("#movieTable", "121 min"));
        }
    }

    @Test
    void withNoEventStreamTheWindowPollsAndStillHears() {
        try (SwitchableProxy buffering = new SwitchableProxy(server.uri("/graphql"))) {
            signInAt(buffering.uri().toString());
            waitUntil(() -> text("#liveStatus").equals("Checking for changes every 1 s"));
            replaceText("#search", "Polling film");
            settle();
            Movie shown = interactAndGet(() -> lookup("#movieTable").<Movie>queryTableView().getItems().get(0));

            ann.change(shown.id(), "runtimeMinutes", 133);

            waitUntil(() -> cellShows("#movieTable", "133 min"));
        }
    }

    @Test
    void theGenreAndPeopleListsAndTheGenreFilterLearnOfNewNames() {
        signIn();
        clickOn("#genresTab");
        waitForIdle();
        waitUntil(() -> lookup("#genreList .list-cell").match(LabeledMatchers.hasText("Kept genre")).tryQuery()
                .isPresent());
        clickOn(lookup("#genreList .list-cell").match(LabeledMatchers.hasText("Kept genre")).queryLabeled());
        replaceText("#genreName", "Kept genre, half renamed");

        ann.createGenre("Live genre");

        // Both tabs already show their lists: what they read when chosen cannot explain the new names.
        waitUntil(() -> listed("genre", "Live genre"));
        waitUntil(() -> interactAndGet(() -> lookup("#genreFilter").<javafx.scene.control.ComboBox<String>>query()
                .getItems().contains("Live genre")));
        // The refill kept the editor's place: the chosen genre still chosen, the half-typed name still there.
        assertThat(interactAndGet(() -> lookup("#genreList").<javafx.scene.control.ListView<NamedRef>>query()
                .getSelectionModel().getSelectedItem().name())).isEqualTo("Kept genre");
        assertThat(text("#genreName")).isEqualTo("Kept genre, half renamed");
        clickOn("#peopleTab");
        waitForIdle();
        ann.createPerson("Live person");
        waitUntil(() -> listed("person", "Live person"));
    }

    private void signInAt(String url) {
        replaceText("#serverUrl", url);
        replaceText("#username", EDITOR);
        replaceText("#password", PASSWORD);
        clickOn("#signIn");
        waitUntil(() -> lookup("#movieTable").tryQuery().isPresent());
        waitForIdle();
    }

    private boolean listed(String kind, String name) {
        return interactAndGet(() -> lookup("#" + kind + "List").<javafx.scene.control.ListView<NamedRef>>query()
                .getItems().stream().anyMatch(ref -> ref.name().equals(name)));
    }

    private int firstVisible(TableView<Movie> table) {
        return interactAndGet(() -> ((VirtualFlow<?>) table.lookup(".virtual-flow")).getFirstVisibleCell().getIndex());
    }
}
