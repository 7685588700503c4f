package org.mymoviedb.admin.movieform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mymoviedb.auth.Role;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;
import tools.jackson.databind.JsonNode;

/**
 * The movie form as a window among windows, under openbox: several open at once (one per movie), titled after
 * their movie, centred on the main window; Save and continue editing, Delete and History inside the form, the
 * notices after each, dates typed the locale's way or picked, names typed with separators, and closing the main
 * window with unsaved forms. Also the two save defects, in a real window: Retry during a save, typing during one.
 */
class MovieFormWindowsTest extends FormWindowTest {

    private static String colleague;

    @BeforeAll
    static void seed() {
        catalogue.genre("Drama");
        catalogue.movie("Alien", LocalDate.of(1979, 5, 25), 85, 117);
        catalogue.movie("Aliens", LocalDate.of(1986, 7, 18), 84, 137);
        catalogue.movie("Blade Runner", LocalDate.of(1982, 6, 25), 81, 117);
        catalogue.movie("Gravity", LocalDate.of(2013, 10, 4), 77, 91);
        catalogue.movie("Heat", LocalDate.of(1995, 12, 15), 83, 170);
        catalogue.movie("Jaws", LocalDate.of(1975, 6, 20), 80, 124);
        catalogue.movie("Tenet", LocalDate.of(2020, 8, 26), 73, 150);
        catalogue.movie("Up", LocalDate.of(2009, 5, 29), 83, 96);
        colleague = server.signedIn("colleague", Role.EDITOR);
    }

    private Stage main() {
        return app.stage();
    }

    /**
     * The main window at its own size, whatever an earlier test left: the forms (centred on it) then leave the
     * list's title column free to click.
     */
    @BeforeEach
    void mainWindowAtItsSize() {
        interactAndGet(() -> {
            main().setWidth(1280);
            main().setHeight(780);
            main().centerOnScreen();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Brings a form to the front, as a click on its title bar would. */
    private void front(Stage form) {
        interactAndGet(() -> {
            form.toFront();
            form.requestFocus();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The movie forms showing, oldest first. */
    private List<Stage> forms() {
        return interactAndGet(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage && w.getScene() != null && w.getScene().lookup("#saveAndContinue") != null)
                .map(w -> (Stage) w).toList());
    }

    private Optional<Stage> form(String windowTitle) {
        return forms().stream().filter(stage -> windowTitle.equals(stage.getTitle())).findFirst();
    }

    /** Opens {@code title}'s form from the list (its row, then Enter) and returns its window. */
    private Stage open(String title, int year) {
        clickOn(cell(title));
        push(KeyCode.ENTER);
        String windowTitle = title + " (" + year + ") — mymoviedb";
        waitUntil(() -> form(windowTitle).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return form(windowTitle).orElseThrow();
    }

    private <T extends Node> T in(Stage window, String query) {
        return interactAndGet(() -> from(window.getScene().getRoot()).lookup(query).query());
    }

    private void typeInto(Stage window, String query, String text) {
        clickOn((Node) in(window, query)).push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        write(text);
    }

    private int historyCount(String title) {
        // History needs an editor.
        return server.queryAs(colleague, "query($id: ID!) { movie(id: $id) { history(first: 100) { edges { cursor } } } }",
                Map.of("id", movieNamed(title).get("id").asString())).get("data").get("movie").get("history")
                .get("edges").size();
    }

    private void assertCentredOnMain(Stage window) {
        Stage owner = main();
        try {
            WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> interactAndGet(() ->
                    Math.abs(window.getX() + window.getWidth() / 2 - owner.getX() - owner.getWidth() / 2) < 12));
        } catch (java.util.concurrent.TimeoutException e) {
            // The assertion says how far off it is.
        }
        assertThat(window.getX() + window.getWidth() / 2).as("centre x of %s", window.getTitle())
                .isCloseTo(owner.getX() + owner.getWidth() / 2, within(12.0));
        assertThat(window.getY()).isGreaterThanOrEqualTo(owner.getY() - 1);
    }

    @Test
    void severalMoviesOpenAtOnceOneWindowEachTitledAndCentredOnTheMainWindow() {
        Stage alien = open("Alien", 1979);
        assertThat(alien.getOwner()).isSameAs(main());
        assertThat(alien.getModality()).isEqualTo(Modality.NONE);
        assertCentredOnMain(alien);

        // The main window still takes clicks: a second movie opens beside the first.
        Stage aliens = open("Aliens", 1986);
        assertCentredOnMain(aliens);
        assertThat(forms()).containsExactlyInAnyOrder(alien, aliens);
        front(alien);
        typeInto(alien, "#rating", "86");
        front(aliens);

        // Opening Alien again brings its form (with what was typed) to the front; no second one.
        clickOn(cell("Alien"));
        push(KeyCode.ENTER);
        waitUntil(alien::isFocused);
        assertThat(forms()).hasSize(2);
        assertThat(((TextField) in(alien, "#rating")).getText()).isEqualTo("86");

        // A new movie's form is one more window, also on the main window.
        clickOn("#addMovie");
        waitUntil(() -> form("New movie").isPresent());
        assertCentredOnMain(form("New movie").orElseThrow());
        assertThat(forms()).hasSize(3);
    }

    @Test
    void saveAndContinueEditingKeepsTheFormOnTheSavedVersionAndSaysSaved() {
        Stage gravity = open("Gravity", 2013);
        typeInto(gravity, "#rating", "78");
        clickOn((Node) in(gravity, "#saveAndContinue"));
        waitUntil(() -> "Saved “Gravity” (2013-10-04)".equals(((Label) in(gravity, "#formNotice")).getText()));
        assertThat(gravity.isShowing()).isTrue();
        assertThat(movieNamed("Gravity").get("rating").asInt()).isEqualTo(78);
        waitUntil(() -> table.getItems().stream().anyMatch(m -> m.title().equals("Gravity") && m.rating() == 78));

        // On the saved version: a second save is no conflict, and the title keeps naming the movie.
        typeInto(gravity, "#title", "Gravity (3D)");
        clickOn((Node) in(gravity, "#saveAndContinue"));
        waitUntil(() -> "Gravity (3D) (2013) — mymoviedb".equals(gravity.getTitle()));
        assertThat(lookup("#conflict").tryQuery()).isEmpty();
        assertThat(movieNamed("Gravity (3D)").get("rating").asInt()).isEqualTo(78);

        // Save closes the form and says so on the main window.
        typeInto(gravity, "#runtime", "92");
        clickOn((Node) in(gravity, "#save"));
        waitUntil(() -> !gravity.isShowing());
        waitUntil(() -> "Saved “Gravity (3D)” (2013-10-04)".equals(text("#notice")));
    }

    @Test
    void deleteInTheFormAsksOverTheFormThenDeletesAndSaysSo() {
        Stage jaws = open("Jaws", 1975);
        clickOn((Node) in(jaws, "#deleteMovie"));
        waitUntil(() -> lookup("#confirmDeleteMovie").tryQuery().isPresent());
        Window question = lookup("#confirmDeleteMovie").query().getScene().getWindow();
        assertThat(((Stage) question).getOwner()).isSameAs(jaws);
        assertThat(((Stage) question).getTitle()).isEqualTo("Delete “Jaws” (1975-06-20)?");
        // Enter is the safe answer.
        push(KeyCode.ENTER);
        waitUntil(() -> lookup("#confirmDeleteMovie").tryQuery().isEmpty());
        assertThat(movieNamed("Jaws")).isNotNull();

        clickOn((Node) in(jaws, "#deleteMovie"));
        waitUntil(() -> lookup("#confirmDeleteMovie").tryQuery().isPresent());
        clickOn(lookup("#confirmDeleteMovie .button").match(LabeledMatchers.hasText("Delete")).queryButton());
        waitUntil(() -> !jaws.isShowing());
        waitUntil(() -> "Deleted “Jaws” (1975-06-20)".equals(text("#notice")));
        assertThat(movieNamed("Jaws")).isNull();
        waitUntil(() -> table.getItems().stream().noneMatch(m -> m.title().equals("Jaws")));
    }

    @Test
    void historyInTheFormShowsTheMoviesHistoryAPageAtATime() {
        JsonNode tenet = movieNamed("Tenet");
        int version = tenet.get("version").asInt();
        for (int i = 0; i < 55; i++) {
            server.queryAs(colleague, "mutation($id: ID!, $v: Int!, $r: Int!) { updateMovie(id: $id, "
                    + "expectedVersion: $v, input: {rating: $r}) { userErrors { code } } }",
                    Map.of("id", tenet.get("id").asString(), "v", version + i, "r", i % 2 == 0 ? 60 : 61));
        }
        settle();
        Stage form = open("Tenet", 2020);
        clickOn((Node) in(form, "#movieHistory"));
        waitUntil(() -> historyWindow().isPresent());
        Stage history = historyWindow().orElseThrow();
        assertThat(history.getOwner()).isSameAs(form);
        assertThat(history.getTitle()).isEqualTo("History of Tenet");
        TableView<?> entries = in(history, "#historyTable");
        waitUntil(() -> entries.getItems().size() == 50);
        clickOn((Node) in(history, "#historyLoadMore"));
        waitUntil(() -> entries.getItems().size() > 50);
    }

    private Optional<Stage> historyWindow() {
        return interactAndGet(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage && w.getScene() != null && w.getScene().lookup("#formHistory") != null)
                .map(w -> (Stage) w).findFirst());
    }

    @Test
    void aReleaseDateIsTypedTheLocalesWayOrPickedAndNonsenseIsNamed() {
        push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(() -> form("New movie").isPresent());
        Stage form = form("New movie").orElseThrow();
        typeInto(form, "#title", "Moon");
        typeInto(form, "#releaseDate", "banana");
        push(KeyCode.CONTROL, KeyCode.S);
        waitUntil(() -> !((Label) in(form, "#releaseDateError")).getText().isEmpty());
        assertThat(((Label) in(form, "#releaseDateError")).getText()).startsWith("“banana” is not a date: type it as 1979-05-25 or ");

        // The calendar opens on the typed date; a picked day is written in.
        typeInto(form, "#releaseDate", "2009-06-12");
        clickOn((Node) in(form, "#releaseDatePicker .arrow-button"));
        waitUntil(() -> lookup(".date-picker-popup").tryQuery().isPresent());
        clickOn(lookup(".date-picker-popup .day-cell").match(LabeledMatchers.hasText("19"))
                .match(node -> !node.getStyleClass().contains("previous-month")
                        && !node.getStyleClass().contains("next-month")).queryLabeled());
        waitUntil(() -> "2009-06-19".equals(((TextField) in(form, "#releaseDate")).getText()));

        // Typed the locale's way, stored as the date it names.
        String local = new ReleaseDateText(Locale.getDefault(Locale.Category.FORMAT)).inLocale(LocalDate.of(2009, 6, 12));
        typeInto(form, "#releaseDate", local);
        push(KeyCode.CONTROL, KeyCode.S);
        waitUntil(() -> !form.isShowing());
        assertThat(movieNamed("Moon").get("releaseDate").asString()).isEqualTo("2009-06-12");
    }

    @Test
    void namesTypedWithSeparatorsStayDistinct() {
        push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(() -> form("New movie").isPresent());
        Stage form = form("New movie").orElseThrow();
        typeInto(form, "#title", "Paris, Texas");
        typeInto(form, "#releaseDate", "1984-05-19");
        clickOn((Node) in(form, "#genresInput")).write("drama, Road movie; Neo-western");
        waitUntil(() -> lookup("#genresSuggestions .list-cell")
                .match(LabeledMatchers.hasText(NamePicker.ADD_EACH + "drama, Road movie, Neo-western")).tryQuery()
                .isPresent());
        push(KeyCode.ENTER);
        waitUntil(() -> chips(form).size() == 3);
        assertThat(chips(form)).containsExactly("Drama", "Road movie (new)", "Neo-western (new)");
        clickOn((Node) in(form, "#save"));
        waitUntil(() -> !form.isShowing());
        List<String> stored = new java.util.ArrayList<>();
        movieNamed("Paris, Texas").get("genres").forEach(genre -> stored.add(genre.get("name").asString()));
        assertThat(stored).containsExactlyInAnyOrder("Drama", "Road movie", "Neo-western");
    }

    private List<String> chips(Stage form) {
        return interactAndGet(() -> from(form.getScene().getRoot()).lookup("#genres .chip .label")
                .queryAllAs(Label.class).stream().map(Label::getText).toList());
    }

    @Test
    void closingTheMainWindowAsksAboutEachFormWithUnsavedChanges() {
        Stage heat = open("Heat", 1995);
        typeInto(heat, "#rating", "90");
        Stage up = open("Up", 2009);
        Stage blade = open("Blade Runner", 1982);
        typeInto(blade, "#rating", "90");
        assertThat(((TextField) in(heat, "#rating")).getText()).isEqualTo("90");
        assertThat(up.isShowing()).isTrue();

        closeMain();
        waitUntil(() -> lookup("#confirmDiscard").tryQuery().isPresent());
        assertThat(((Stage) lookup("#confirmDiscard").query().getScene().getWindow()).getOwner()).isSameAs(heat);
        clickOn("Discard changes");
        // Up has nothing unsaved and closes without a question; Blade Runner asks next.
        waitUntil(() -> lookup("#confirmDiscard").tryQuery().map(pane -> pane.getScene().getWindow())
                .filter(w -> ((Stage) w).getOwner() == blade).isPresent());
        assertThat(heat.isShowing()).isFalse();
        assertThat(up.isShowing()).isFalse();
        clickOn("Keep editing");

        waitUntil(() -> lookup("#confirmDiscard").tryQuery().isEmpty());
        assertThat(main().isShowing()).isTrue();
        assertThat(blade.isShowing()).isTrue();
        assertThat(((TextField) in(blade, "#rating")).getText()).isEqualTo("90");
        assertThat(movieNamed("Heat").get("rating").asInt()).isEqualTo(83);
    }

    @Test
    void signingOutAsksAboutEachFormWithUnsavedChangesFirst() {
        Stage up = open("Up", 2009);
        typeInto(up, "#rating", "91");
        clickOn("#logout");
        waitUntil(() -> lookup("#confirmDiscard").tryQuery().isPresent());
        clickOn("Keep editing");
        waitUntil(() -> lookup("#confirmDiscard").tryQuery().isEmpty());
        assertThat(up.isShowing()).isTrue();
        assertThat(lookup("#movieTable").tryQuery()).isPresent();

        clickOn("#logout");
        waitUntil(() -> lookup("#confirmDiscard").tryQuery().isPresent());
        clickOn("Discard changes");
        waitUntil(() -> lookup("#signIn").tryQuery().isPresent());
        assertThat(up.isShowing()).isFalse();
        assertThat(movieNamed("Up").get("rating").asInt()).isEqualTo(83);
    }

    /** The main window's close button: fired without waiting, since the questions it raises wait for answers. */
    private void closeMain() {
        Stage stage = main();
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
    }

    @Test
    void retryWhileASaveIsUnderWayWritesOnce() {
        Stage form = open("Blade Runner", 1982);
        int before = historyCount("Blade Runner");
        typeInto(form, "#runtime", "118");
        proxy.down();
        clickOn((Node) in(form, "#saveAndContinue"));
        waitUntil(() -> lookup("#retry").tryQuery().map(Node::isVisible).orElse(false));
        waitUntil(() -> !((javafx.scene.control.Button) in(form, "#save")).isDisabled());
        proxy.slow(1500);
        clickOn((Node) in(form, "#saveAndContinue"));
        // The form's banner still offers Retry while the second save is under way.
        clickOn((Node) in(form, "#retry"));
        waitUntil(() -> !((Label) in(form, "#formNotice")).getText().isEmpty());
        proxy.up();
        waitForIdle();
        assertThat(lookup("#conflict").tryQuery()).isEmpty();
        assertThat(historyCount("Blade Runner")).isEqualTo(before + 1);
        assertThat(movieNamed("Blade Runner").get("runtime").get("minutes").asInt()).isEqualTo(118);
    }

    @Test
    void whatIsTypedWhileASaveIsUnderWayStays() {
        Stage form = open("Aliens", 1986);
        typeInto(form, "#rating", "88");
        proxy.slow(1500);
        clickOn((Node) in(form, "#saveAndContinue"));
        typeInto(form, "#runtime", "154");
        waitUntil(() -> !((Label) in(form, "#formNotice")).getText().isEmpty());
        proxy.up();
        assertThat(movieNamed("Aliens").get("rating").asInt()).isEqualTo(88);
        assertThat(((TextField) in(form, "#runtime")).getText()).isEqualTo("154");
        assertThat(((TextField) in(form, "#rating")).getText()).isEqualTo("88");
    }
}
