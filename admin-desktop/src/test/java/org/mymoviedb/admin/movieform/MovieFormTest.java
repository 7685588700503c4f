package org.mymoviedb.admin.movieform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.support.AdminAppTest;
import org.mymoviedb.auth.Role;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;
import tools.jackson.databind.JsonNode;

/** Adding and changing movies through the form: pickers, validation, conflicts, unsaved changes, history. */
class MovieFormTest extends AdminAppTest {

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
        otherEditor = server.signedIn("colleague", Role.EDITOR);
    }

    private TableView<Movie> table;

    @BeforeEach
    void signedIn() {
        signIn();
        table = lookup("#movieTable").queryTableView();
        waitUntil(() -> !table.getItems().isEmpty());
    }

    private JsonNode movieNamed(String title) {
        JsonNode edges = server.query("query($t: String) { movies(filter: {titleContains: $t}) { edges { node { "
                + "id title releaseDate rating runtime { minutes } version genres { name } directors { name } } } } }",
                Map.of("t", title)).get("data").get("movies").get("edges");
        for (JsonNode edge : edges) {
            if (edge.get("node").get("title").asString().equals(title)) {
                return edge.get("node");
            }
        }
        return null;
    }

    private void openForm(String title) {
        clickOn(cell(title));
        push(KeyCode.ENTER);
        waitUntil(() -> lookup("#title").tryQuery().isPresent());
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
        push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(this::formOpen);
        clickOn("#title").write("Seven Samurai");
        clickOn("#releaseDate").write("1954-04-26");
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
        assertThat(tabbingFrom("#title", 8)).containsExactly("releaseDate", "rating", "runtime", "genresInput", "directorsInput",
                "save", "saveAndAdd", "cancel");
        push(KeyCode.SHIFT, KeyCode.TAB);
        assertThat(focusedIn("#title")).isEqualTo("saveAndAdd");
        push(KeyCode.ESCAPE);
        waitUntil(() -> !formOpen());
    }

    @Test
    void obviousMistakesAreShownOnTheirFieldsBeforeAnythingIsSent() {
        push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(this::formOpen);
        clickOn("#releaseDate").write("26/04/1954");
        clickOn("#rating").write("150");
        push(KeyCode.CONTROL, KeyCode.S);

        assertThat(text("#titleError")).isEqualTo("A title is required");
        assertThat(text("#releaseDateError")).isEqualTo("A date looks like 1999-03-31");
        assertThat(text("#ratingError")).isEqualTo("A rating is 0 to 100");
        assertThat(lookup("#runtimeMinutesError").query().isVisible()).isFalse();
    }

    @Test
    void theServersUserErrorsLandOnTheirFields() {
        push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(this::formOpen);
        // Only the server knows this one is taken.
        clickOn("#title").write("Ran");
        clickOn("#releaseDate").write("1985-06-01");
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
        waitUntil(() -> !lookup("#historyTable").queryTableView().getItems().isEmpty());
        assertThat(lookup("#historyHeading").queryLabeled().getText()).isEqualTo("History of Kagemusha");
        assertThat(lookup("#historyTable .table-cell").match(LabeledMatchers.hasText("rating: 75 → 77"))
                .tryQuery()).isPresent();
        assertThat(lookup("#historyTable .table-cell").match(LabeledMatchers.hasText(EDITOR)).tryQuery()).isPresent();
    }

    @Test
    void aConflictShowsBothSidesAndOverwritesOnlyWhenAsked() {
        openForm("Ikiru");
        replaceText("#rating", "90");
        // Meanwhile a colleague retitles the movie.
        JsonNode ikiru = movieNamed("Ikiru");
        server.queryAs(otherEditor, "mutation($id: ID!, $v: Int!) { updateMovie(id: $id, expectedVersion: $v, "
                + "input: {title: \"Ikiru (To Live)\"}) { userErrors { code } } }",
                Map.of("id", ikiru.get("id").asString(), "v", ikiru.get("version").asInt()));
        push(KeyCode.CONTROL, KeyCode.S);

        waitUntil(() -> lookup("#conflict").tryQuery().isPresent());
        assertThat(text("#mine-1")).isEqualTo("Ikiru");
        assertThat(text("#current-1")).isEqualTo("Ikiru (To Live)");
        assertThat(text("#mine-3")).isEqualTo("90");
        assertThat(text("#current-3")).isEqualTo("70");
        clickOn("#keepEditing");
        // Nothing typed is lost, and nothing was written.
        assertThat(text("#rating")).isEqualTo("90");
        assertThat(movieNamed("Ikiru (To Live)").get("rating").asInt()).isEqualTo(70);

        clickOn("#save");
        waitUntil(() -> lookup("#conflict").tryQuery().isPresent());
        clickOn("#overwrite");

        waitUntil(() -> !formOpen());
        waitUntil(() -> movieNamed("Ikiru") != null);
        assertThat(movieNamed("Ikiru").get("rating").asInt()).isEqualTo(90);
    }

    @Test
    void aConflictCanBeSettledByReloadingTheirs() {
        openForm("Dersu Uzala");
        replaceText("#runtime", "150");
        JsonNode dersu = movieNamed("Dersu Uzala");
        server.queryAs(otherEditor, "mutation($id: ID!, $v: Int!) { updateMovie(id: $id, expectedVersion: $v, "
                + "input: {rating: 81}) { userErrors { code } } }",
                Map.of("id", dersu.get("id").asString(), "v", dersu.get("version").asInt()));
        clickOn("#save");
        waitUntil(() -> lookup("#conflict").tryQuery().isPresent());
        clickOn("#reloadCurrent");

        waitUntil(() -> text("#rating").equals("81"));
        assertThat(text("#runtime")).isEqualTo("141");
        // Theirs is now what the form holds: closing asks nothing.
        push(KeyCode.ESCAPE);
        waitUntil(() -> !formOpen());
    }

    @Test
    void closingWithUnsavedChangesAsksFirst() {
        push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(this::formOpen);
        clickOn("#title").write("Rashomon");
        push(KeyCode.ESCAPE);

        waitUntil(() -> lookup("#confirmDiscard").tryQuery().isPresent());
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
