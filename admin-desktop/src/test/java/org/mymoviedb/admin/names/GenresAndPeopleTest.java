package org.mymoviedb.admin.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.api.NamedRef;
import org.mymoviedb.admin.support.AdminAppTest;
import org.testfx.matcher.control.LabeledMatchers;

/** The genres and people screens: list, create, rename, delete. */
class GenresAndPeopleTest extends AdminAppTest {

    @BeforeAll
    static void seed() {
        long western = catalogue.genre("Western");
        catalogue.genre("Musical");
        catalogue.genre("Peplum");
        catalogue.person("Sergio Leone");
        long movie = catalogue.movie("Once Upon a Time in the West", LocalDate.of(1968, 12, 21), 85, 166);
        catalogue.tag(movie, western);
    }

    @BeforeEach
    void signedIn() {
        signIn();
    }

    private ListView<NamedRef> list(String kind) {
        return lookup("#" + kind + "List").queryListView();
    }

    private boolean listed(String kind, String name) {
        // Read on the FX thread: the list may be refilling while the test looks.
        return interactAndGet(() -> list(kind).getItems().stream().anyMatch(ref -> ref.name().equals(name)));
    }

    private void select(String kind, String name) {
        // The item is in the list a pulse before its cell is drawn.
        waitUntil(() -> lookup("#" + kind + "List .list-cell").match(LabeledMatchers.hasText(name)).tryQuery()
                .isPresent());
        clickOn(lookup("#" + kind + "List .list-cell").match(LabeledMatchers.hasText(name)).queryLabeled());
    }

    @Test
    void createsRenamesAndDeletesGenres() {
        clickOn("#genresTab");
        waitUntil(() -> listed("genre", "Western"));

        replaceText("#genreName", "Film noir");
        clickOn("#create-genre");
        waitUntil(() -> listed("genre", "Film noir"));

        select("genre", "Musical");
        replaceText("#genreName", "Musical film");
        clickOn("#rename-genre");
        waitUntil(() -> listed("genre", "Musical film") && !listed("genre", "Musical"));

        // A genre in use goes too, after a question that says what happens to its movies.
        select("genre", "Western");
        clickOn("#delete-genre");
        clickOn(lookup(".dialog-pane .button").match(LabeledMatchers.hasText("Delete")).queryButton());
        waitUntil(() -> !listed("genre", "Western"));
        assertThat(server.query("{ genres { name } }").toString()).doesNotContain("Western").contains("Film noir");
    }

    @Test
    void enterOrEscOnTheDeleteQuestionKeepsTheGenre() {
        clickOn("#genresTab");
        waitUntil(() -> listed("genre", "Peplum"));
        select("genre", "Peplum");
        push(KeyCode.DELETE);
        waitUntil(() -> lookup(".dialog-pane").tryQuery().isPresent());
        push(KeyCode.ENTER);
        waitUntil(() -> lookup(".dialog-pane").tryQuery().isEmpty());
        waitForIdle();
        assertThat(listed("genre", "Peplum")).as("Peplum after Enter on the question").isTrue();

        clickOn("#delete-genre");
        waitUntil(() -> lookup(".dialog-pane").tryQuery().isPresent());
        push(KeyCode.ESCAPE);
        waitUntil(() -> lookup(".dialog-pane").tryQuery().isEmpty());
        waitForIdle();

        assertThat(listed("genre", "Peplum")).isTrue();
        assertThat(server.query("{ genres { name } }").toString()).contains("Peplum");
    }

    @Test
    void aDuplicateGenreIsRefusedWithTheServersReason() {
        clickOn("#genresTab");
        waitUntil(() -> listed("genre", "Western"));
        replaceText("#genreName", "western");
        clickOn("#create-genre");
        waitUntil(() -> !text("#genreError").isEmpty());
        assertThat(text("#genreError")).containsIgnoringCase("western");
    }

    @Test
    void createsRenamesAndDeletesPeople() {
        clickOn("#peopleTab");
        waitUntil(() -> listed("person", "Sergio Leone"));
        replaceText("#personName", "Chantal Akerman");
        clickOn("#create-person");
        waitUntil(() -> listed("person", "Chantal Akerman"));

        select("person", "Sergio Leone");
        replaceText("#personName", "Sergio Leone (director)");
        clickOn("#rename-person");
        waitUntil(() -> listed("person", "Sergio Leone (director)"));

        // A credited director goes too, after a question that says what happens to their movies.
        select("person", "Sergio Leone (director)");
        clickOn("#delete-person");
        clickOn(lookup(".dialog-pane .button").match(LabeledMatchers.hasText("Delete")).queryButton());
        waitUntil(() -> !listed("person", "Sergio Leone (director)"));
        assertThat(server.query("{ people(first: 100) { edges { node { name } } } }").toString())
                .doesNotContain("Sergio Leone").contains("Chantal Akerman");
    }
}
