package org.mymoviedb.admin.movieform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.auth.Role;
import org.mymoviedb.admin.api.HistoryEntry;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;
import tools.jackson.databind.JsonNode;

/** Adding and changing movies through the form: pickers, validation, conflicts, unsaved changes, history. */
class MovieFormTest extends FormWindowTest {

    private static String otherEditor;

    @BeforeAll
    static void seed() {
        catalogue.genre("Drama");
        catalogue.genre("Comedy");
        catalogue.person("Akira Kurosawa");
        long ikiru = catalogue.movie("Ikiru", LocalDate.of(1952, 10, 9), 70, 143);
        catalogue.credit(ikiru, catalogue.person("Akira Kurosawa 2"), 0);
        catalogue.movie("Ran", LocalDate.of(1985, 6, 1), 80, 162);
        catalogue.movie("Kagemusha", LocalDate.of(1980, 4, 26), 75, 180);
        catalogue.movie("Dersu Uzala", LocalDate.of(1975, 8, 2), 79, 141);
        catalogue.movie("Yojimbo", LocalDate.of(1961, 4, 25), 80, 110);
        catalogue.movie("Sanjuro", LocalDate.of(1962, 1, 1), 78, 96);
        catalogue.movie("Red Beard", LocalDate.of(1965, 4, 3), 81, 185);
        catalogue.genre("Documentary");
        otherEditor = server.signedIn("colleague", Role.EDITOR);
    }

    private void openForm(String title) {
        clickOn(cell(title));
        push(KeyCode.ENTER);
        waitUntil(() -> lookup("#title").tryQuery().isPresent());
    }

    /** Opens the form for a new movie and types its title and release date. */
    private void newMovie(String title, String releaseDate) {
        push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(this::formOpen);
        clickOn("#title").write(title);
        clickOn("#releaseDate").write(releaseDate);
    }

    private boolean formOpen() {
        return lookup("#save").tryQuery().isPresent();
    }

    /**
     * Types into a picker and clicks one of its suggestions. The list answers each pause in the typing, so it
     * can show a prefix's answer first; its "Create new" line names the text it answers, so the click waits for
     * the answer to everything typed and cannot land on a list that is being replaced.
     */
    private void pick(String picker, String typed, String suggestion) {
        clickOn("#" + picker + "Input").write(typed);
        String cells = "#" + picker + "Suggestions .list-cell";
        waitUntil(() -> lookup(cells).match(LabeledMatchers.hasText(NamePicker.CREATE_NEW + typed)).tryQuery()
                .isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        clickOn(interactAndGet(() -> lookup(cells).match(LabeledMatchers.hasText(suggestion)).queryLabeled()));
    }

    @Test
    void addsAMovieWithPickedAndNewNamesThenStartsAnother() {
        newMovie("Seven Samurai", "1954-04-26");
        clickOn("#rating").write("92");
        clickOn("#runtime").write("207");
        pick("genres", "dra", "Drama");
        pick("genres", "Jidaigeki", NamePicker.CREATE_NEW + "Jidaigeki");
        pick("directors", "kurosawa", "Akira Kurosawa");
        clickOn("#saveAndAdd");

        waitUntil(() -> movieNamed("Seven Samurai") != null);
        JsonNode saved = movieNamed("Seven Samurai");
        assertThat(saved.get("releaseDate").asString()).isEqualTo("1954-04-26");
        assertThat(saved.get("rating").asInt()).isEqualTo(92);
        assertThat(saved.get("runtime").get("minutes").asInt()).isEqualTo(207);
        assertThat(saved.get("genres").toString()).contains("Drama", "Jidaigeki");
        assertThat(saved.get("directors").toString()).isEqualTo("[{\"name\":\"Akira Kurosawa\"}]");
        // "Save and add another" leaves an empty form, which closes without a question.
        waitUntil(() -> text("#title").isEmpty());
        push(KeyCode.ESCAPE);
        waitUntil(() -> !formOpen());
        waitUntil(() -> table.getItems().stream().anyMatch(m -> m.title().equals("Seven Samurai")));
    }

    @Test
    void tabMovesThroughTheFormInReadingOrder() {
        push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(this::formOpen);
        assertThat(tabbingFrom("#title", 9)).containsExactly("releaseDate", "rating", "runtime", "genresInput", "directorsInput",
                "save", "saveAndContinue", "saveAndAdd", "cancel");
        push(KeyCode.SHIFT, KeyCode.TAB);
        assertThat(focusedIn("#title")).isEqualTo("saveAndAdd");
        push(KeyCode.ESCAPE);
        waitUntil(() -> !formOpen());
    }

    @Test
    void obviousMistakesAreShownOnTheirFieldsBeforeAnythingIsSent() {
        push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(this::formOpen);
        clickOn("#releaseDate").write("26/13/1954");
        clickOn("#rating").write("150");
        push(KeyCode.CONTROL, KeyCode.S);

        assertThat(text("#titleError")).isEqualTo("A title is required");
        assertThat(text("#releaseDateError")).startsWith("“26/13/1954” is not a date: type it as 1979-05-25 or ");
        assertThat(text("#ratingError")).isEqualTo("A rating is 0 to 100");
        assertThat(lookup("#runtimeMinutesError").query().isVisible()).isFalse();
    }

    @Test
    void theServersUserErrorsLandOnTheirFields() {
        // Only the server knows this one is taken.
        newMovie("Ran", "1985-06-01");
        clickOn("#save");

        waitUntil(() -> !text("#titleError").isEmpty());
        assertThat(text("#titleError")).isEqualTo("There is already a movie with this title and release date");
        assertThat(formOpen()).isTrue();
    }

    @Test
    void changesAMovieAndShowsItInTheHistory() {
        openForm("Kagemusha");
        assertThat(text("#rating")).isEqualTo("75");
        replaceText("#rating", "77");
        push(KeyCode.CONTROL, KeyCode.S);

        waitUntil(() -> !formOpen());
        waitUntil(() -> movieNamed("Kagemusha").get("rating").asInt() == 77);
        clickOn(cell("Kagemusha"));
        // The cells, not the items: a row is drawn a pulse after its entry arrives.
        waitUntil(() -> cellShows("#historyTable", "Rating: 75 → 77"));
        assertThat(lookup("#historyHeading").queryLabeled().getText()).isEqualTo("History of Kagemusha");
        TableView<HistoryEntry> history = lookup("#historyTable").queryTableView();
        assertThat(interactAndGet(() -> history.getItems().get(0).username())).isEqualTo(EDITOR);
    }

    /** Saves {@code input} (MovieUpdateInput fields) as the colleague, at the movie's current version. */
    private void colleagueChanges(String title, String input) {
        JsonNode movie = movieNamed(title);
        JsonNode answer = server.queryAs(otherEditor, "mutation($id: ID!, $v: Int!) { updateMovie(id: $id, "
                + "expectedVersion: $v, input: " + input + ") { userErrors { code } } }",
                Map.of("id", movie.get("id").asString(), "v", movie.get("version").asInt()));
        assertThat(answer.get("data").get("updateMovie").get("userErrors")).isEmpty();
    }

    private boolean conflictShown() {
        return lookup("#conflict").tryQuery().isPresent();
    }

    @Test
    void fieldsOnlyOneEditorChangedMergeWithoutAsking() {
        // Editor A (this window) changes title and rating ...
        openForm("Yojimbo");
        replaceText("#title", "Yojimbo (The Bodyguard)");
        replaceText("#rating", "88");
        // ... while editor B changes runtime and genres and saves first.
        colleagueChanges("Yojimbo", "{runtimeMinutes: 111, genres: [{name: \"Drama\"}, {name: \"Comedy\"}]}");
        clickOn("#save");

        // Nobody changed the same field: nothing to ask, and nobody's work is undone.
        waitUntil(() -> !formOpen());
        assertThat(conflictShown()).isFalse();
        JsonNode stored = movieNamed("Yojimbo (The Bodyguard)");
        assertThat(stored.get("rating").asInt()).isEqualTo(88);
        assertThat(stored.get("runtime").get("minutes").asInt()).isEqualTo(111);
        assertThat(stored.get("genres").toString()).contains("Drama", "Comedy");
    }

    @Test
    void onlyAFieldBothEditorsChangedIsAskedAboutWithWhoChangedItAndWhen() {
        openForm("Sanjuro");
        replaceText("#rating", "90");
        replaceText("#runtime", "99");
        colleagueChanges("Sanjuro", "{rating: 81, title: \"Tsubaki Sanjuro\"}");
        push(KeyCode.CONTROL, KeyCode.S);

        waitUntil(this::conflictShown);
        // Rating is the one both changed; runtime (mine only) and title (theirs only) are not asked about.
        assertThat(lookup("#conflictGrid .radio-button").queryAll()).hasSize(2);
        assertThat(text("#mine-rating")).isEqualTo("90");
        assertThat(text("#theirs-rating")).isEqualTo("81");
        assertThat(text("#changedBy-rating")).startsWith("changed by colleague, ").matches(".*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(lookup("#saveChoices").queryButton().isDisabled()).isTrue();
        assertThat(lookup("#keepEditing").queryButton().isDefaultButton()).isTrue();
        // Enter is the safe way out: nothing written, nothing typed lost.
        push(KeyCode.ENTER);
        waitUntil(() -> !conflictShown());
        assertThat(text("#rating")).isEqualTo("90");
        assertThat(movieNamed("Tsubaki Sanjuro").get("rating").asInt()).isEqualTo(81);

        clickOn("#save");
        waitUntil(this::conflictShown);
        choose("#mine-rating");
        assertRatingAndRuntime("Tsubaki Sanjuro", 90, 99);
    }

    /** Takes one side for the disputed field, saves the choices and waits for the form to close. */
    private void choose(String side) {
        clickOn(side);
        clickOn("#saveChoices");
        waitUntil(() -> !formOpen());
    }

    private void assertRatingAndRuntime(String title, int rating, int runtime) {
        JsonNode stored = movieNamed(title);
        assertThat(stored.get("rating").asInt()).isEqualTo(rating);
        assertThat(stored.get("runtime").get("minutes").asInt()).isEqualTo(runtime);
    }

    @Test
    void aConflictCanBeSettledByTakingTheirs() {
        openForm("Ikiru");
        replaceText("#rating", "90");
        replaceText("#runtime", "140");
        colleagueChanges("Ikiru", "{rating: 72}");
        clickOn("#save");
        waitUntil(this::conflictShown);
        choose("#theirs-rating");
        assertRatingAndRuntime("Ikiru", 72, 140);
    }

    @Test
    void aConflictCanBeSettledByReloadingTheirs() {
        openForm("Dersu Uzala");
        replaceText("#rating", "75");
        replaceText("#runtime", "150");
        colleagueChanges("Dersu Uzala", "{rating: 81}");
        clickOn("#save");
        waitUntil(this::conflictShown);
        clickOn("#reloadCurrent");

        waitUntil(() -> text("#rating").equals("81"));
        assertThat(text("#runtime")).isEqualTo("141");
        // Theirs is now what the form holds: closing asks nothing.
        push(KeyCode.ESCAPE);
        waitUntil(() -> !formOpen());
    }

    @Test
    void escInAPickerClosesItsListAndKeepsTheForm() {
        openForm("Red Beard");
        replaceText("#rating", "83");
        clickOn("#genresInput").write("docu");
        waitUntil(() -> lookup("#genresSuggestions").query().isVisible());
        push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#genresSuggestions").query().isVisible()).isFalse();
        assertThat(lookup("#confirmDiscard").tryQuery()).isEmpty();
        push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        sleep(300);

        assertThat(formOpen()).isTrue();
        assertThat(lookup("#confirmDiscard").tryQuery()).isEmpty();
        assertThat(text("#rating")).isEqualTo("83");
    }

    /** Starts a new movie, types a title and presses Esc: the question about unsaved changes is up. */
    private void askedToDiscard(String title) {
        push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(this::formOpen);
        clickOn("#title").write(title);
        push(KeyCode.ESCAPE);
        waitUntil(() -> lookup("#confirmDiscard").tryQuery().isPresent());
    }

    @Test
    void enterOnTheDiscardQuestionKeepsEditing() {
        askedToDiscard("Rhapsody in August");
        push(KeyCode.ENTER);

        waitUntil(() -> lookup("#confirmDiscard").tryQuery().isEmpty());
        assertThat(formOpen()).isTrue();
        assertThat(text("#title")).isEqualTo("Rhapsody in August");
        // Esc on the question is the same safe answer.
        push(KeyCode.ESCAPE);
        waitUntil(() -> lookup("#confirmDiscard").tryQuery().isPresent());
        push(KeyCode.ESCAPE);
        waitUntil(() -> lookup("#confirmDiscard").tryQuery().isEmpty());
        assertThat(text("#title")).isEqualTo("Rhapsody in August");
    }

    private List<String> chips(String picker) {
        return interactAndGet(() -> lookup("#" + picker + " .chip .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList());
    }

    private List<String> genreNames() {
        List<String> names = new ArrayList<>();
        server.query("{ genres { name } }").get("data").get("genres").forEach(g -> names.add(g.get("name").asString()));
        return names;
    }

    @Test
    void enterPicksTheHighlightedExistingNameAndANewNameIsMarked() {
        List<String> genresBefore = genreNames();
        newMovie("Dreams", "1990-05-11");
        // Enter straight after typing, before the suggestions are even shown.
        clickOn("#genresInput").write("dra");
        push(KeyCode.ENTER);
        waitUntil(() -> !chips("genres").isEmpty());
        assertThat(chips("genres")).containsExactly("Drama");

        // A name nobody has: "Create new" is the only line, highlighted, and the chip says it is new.
        write("Magical realism");
        waitUntil(() -> lookup("#genresSuggestions .list-cell")
                .match(LabeledMatchers.hasText(NamePicker.CREATE_NEW + "Magical realism")).tryQuery().isPresent());
        push(KeyCode.ENTER);
        waitUntil(() -> chips("genres").size() == 2);
        assertThat(chips("genres")).containsExactly("Drama", "Magical realism (new)");
        assertThat(interactAndGet(() -> lookup("#genres .chip-new .label").queryAs(Label.class).getAccessibleText()))
                .contains("new");
        clickOn("#save");

        waitUntil(() -> movieNamed("Dreams") != null);
        assertThat(movieNamed("Dreams").get("genres").toString())
                .isEqualTo("[{\"name\":\"Drama\"},{\"name\":\"Magical realism\"}]");
        List<String> expected = new ArrayList<>(genresBefore);
        expected.add("Magical realism");
        assertThat(genreNames()).containsExactlyInAnyOrderElementsOf(expected);
    }

    private int moviesTitled(String title) {
        return server.query("query($t: String) { movies(filter: {titleContains: $t}) { totalCount } }",
                Map.of("t", title)).get("data").get("movies").get("totalCount").asInt();
    }

    @Test
    void aDoubleClickOnSaveAndAddAnotherCreatesOneMovie() {
        newMovie("Drunken Angel", "1948-04-27");
        // Answers late, so the second click lands while the first save is still under way.
        proxy.slow(600);
        doubleClickOn("#saveAndAdd");

        waitUntil(() -> text("#title").isEmpty());
        proxy.up();
        waitForIdle();
        assertThat(moviesTitled("Drunken Angel")).isEqualTo(1);
        assertThat(text("#titleError")).isEmpty();
        assertThat(text("#formError")).isEmpty();
        assertThat(lookup("#saveAndAdd").queryButton().isDisabled()).isFalse();
    }

    @Test
    void ctrlSWhileSavingDoesNotSaveTwiceAndAFailedSaveCanBeSentAgain() {
        newMovie("Stray Dog", "1949-10-17");
        proxy.down();
        push(KeyCode.CONTROL, KeyCode.S);
        waitUntil(() -> lookup("#banner").tryQuery().map(Node::isVisible).orElse(false));
        // The save failed: it can be sent again, and a quick Ctrl+S twice sends it once.
        waitUntil(() -> !lookup("#save").queryButton().isDisabled());
        proxy.slow(600);
        push(KeyCode.CONTROL, KeyCode.S);
        assertThat(lookup("#save").queryButton().isDisabled()).isTrue();
        assertThat(lookup("#saveAndAdd").queryButton().isDisabled()).isTrue();
        push(KeyCode.CONTROL, KeyCode.S);

        waitUntil(() -> !formOpen());
        proxy.up();
        assertThat(moviesTitled("Stray Dog")).isEqualTo(1);
    }

    @Test
    void closingWithUnsavedChangesAsksFirst() {
        askedToDiscard("Rashomon");
        clickOn("Keep editing");
        assertThat(formOpen()).isTrue();
        assertThat(text("#title")).isEqualTo("Rashomon");

        Window form = lookup("#save").query().getScene().getWindow();
        // The window's close button: fired without waiting, since the question it raises waits for an answer.
        javafx.application.Platform.runLater(() -> form.fireEvent(
                new javafx.stage.WindowEvent(form, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitUntil(() -> lookup("#confirmDiscard").tryQuery().isPresent());
        clickOn("Keep editing");
        assertThat(form.isShowing()).isTrue();

        clickOn("#cancel");
        waitUntil(() -> lookup("#confirmDiscard").tryQuery().isPresent());
        clickOn("Discard changes");
        waitUntil(() -> !formOpen());
        assertThat(movieNamed("Rashomon")).isNull();
    }
}
