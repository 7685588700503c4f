package org.mymoviedb.admin.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.support.AdminAppTest;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Windows as a window manager (openbox, started by XvfbDisplay) shows them: the login window and every dialog at
 * least as large as what it shows, dialogs owned by and centred on their window, and at 800 px wide a layout that
 * wraps rather than cutting labels into "...".
 */
class WindowLayoutTest extends AdminAppTest {

    @BeforeAll
    static void seed() {
        catalogue.genre("Layout genre");
        for (int i = 0; i < 3; i++) {
            catalogue.movie("Layout reel " + i, LocalDate.of(1990 + i, 1, 1), 50, 100);
        }
    }

    private Stage main() {
        return app.stage();
    }

    @Test
    void theLoginWindowFitsItsFormAndNoLabelIsCut() {
        Stage stage = main();
        Parent root = interactAndGet(() -> stage.getScene().getRoot());
        waitUntil(stage::isShowing);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getWidth()).isGreaterThanOrEqualTo(interactAndGet(() -> root.prefWidth(-1)) - 1);
        assertThat(stage.getScene().getHeight())
                .isGreaterThanOrEqualTo(interactAndGet(() -> root.prefHeight(root.prefWidth(-1))) - 1);
        assertThat(cutLabels(root)).isEmpty();

        // Narrower than the form wants: the window manager keeps it at the form's minimum.
        interactAndGet(() -> {
            stage.setWidth(250);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cutLabels(root)).as("labels at the narrowest").isEmpty();
    }

    @Test
    void at800PixelsTheFilterBarWrapsAndNoLabelIsCut() {
        signIn();
        Stage stage = main();
        interactAndGet(() -> {
            stage.setWidth(800);
            return null;
        });
        settle();
        Node search = lookup("#search").query();
        Node clear = lookup("#clearFilters").query();
        Region bar = lookup("#filterBar").query();
        assertThat(interactAndGet(() -> clear.localToScene(clear.getBoundsInLocal()).getMinY()))
                .as("the filter bar's last button, on a second line")
                .isGreaterThan(interactAndGet(() -> search.localToScene(search.getBoundsInLocal()).getMaxY()));
        assertThat(interactAndGet(() -> clear.localToScene(clear.getBoundsInLocal()).getMaxX()))
                .isLessThanOrEqualTo(interactAndGet(() -> bar.localToScene(bar.getBoundsInLocal()).getMaxX()));
        assertThat(cutLabels(stage.getScene().getRoot())).isEmpty();

        // The year filter says what is wrong with it.
        clickOn("#yearFrom").write("19x0");
        settle();
        assertThat(text("#filterProblem")).isEqualTo("“19x0” is not a year");
    }

    @Test
    void columnHeadersLineUpWithTheirCellsOnFirstShow() {
        signIn();
        TableView<?> table = lookup("#movieTable").queryTableView();
        waitUntil(() -> !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Node header = lookup("#columnTitle").query();
        TableCell<?, ?> cell = lookup(".table-cell").match(LabeledMatchers.hasText("Layout reel 0")).query();
        Bounds headerBounds = interactAndGet(() -> header.localToScreen(header.getBoundsInLocal()));
        Bounds cellBounds = interactAndGet(() -> cell.localToScreen(cell.getBoundsInLocal()));
        assertThat(cellBounds.getMinX()).isCloseTo(headerBounds.getMinX(), within(1.0));
        assertThat(cellBounds.getWidth()).isCloseTo(headerBounds.getWidth(), within(1.0));
    }

    @Test
    void aGenreDeleteQuestionIsOwnedByAndCentredOnTheMainWindowAndNamesWhatItAsks() {
        signIn();
        clickOn("#genresTab");
        waitUntil(() -> lookup("#genreList .list-cell").match(LabeledMatchers.hasText("Layout genre")).tryQuery()
                .isPresent());
        clickOn(lookup("#genreList .list-cell").match(LabeledMatchers.hasText("Layout genre")).queryLabeled());
        clickOn("#delete-genre");
        waitUntil(() -> lookup("#confirmDelete-genre").tryQuery().isPresent());
        DialogPane pane = lookup("#confirmDelete-genre").query();
        Stage dialog = (Stage) pane.getScene().getWindow();
        assertOwnedCentredAndFitting(dialog, main(), pane);
        assertThat(dialog.getTitle()).isEqualTo("Delete genre “Layout genre”?");
        clickOn(lookup("#confirmDelete-genre .button").match(LabeledMatchers.hasText("Cancel")).queryButton());
    }

    @Test
    void theBulkDeleteQuestionListsEveryMovieAndCanBeResized() {
        signIn();
        clickOn(cell("Layout reel 0")).push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.DELETE);
        waitUntil(() -> lookup("#confirmDelete").tryQuery().isPresent());
        DialogPane pane = lookup("#confirmDelete").query();
        Stage dialog = (Stage) pane.getScene().getWindow();
        assertOwnedCentredAndFitting(dialog, main(), pane);
        assertThat(dialog.getHeight()).as("more than one line tall").isGreaterThan(150);
        clickOn(lookup("#confirmDelete .button").match(LabeledMatchers.hasText("Cancel")).queryButton());
    }

    @Test
    void theMovieFormOpensOnTheMainWindowAtItsContentsSize() {
        signIn();
        clickOn("#addMovie");
        waitUntil(() -> lookup("#title").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Stage form = (Stage) lookup("#title").query().getScene().getWindow();
        assertOwnedCentredAndFitting(form, main(), (Region) form.getScene().getRoot());
        interactAndGet(() -> {
            form.close();
            return null;
        });
    }

    private void assertOwnedCentredAndFitting(Stage window, Window owner, Region content) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.getOwner()).isSameAs(owner);
        double width = window.getScene().getWidth();
        assertThat(width).isGreaterThanOrEqualTo(interactAndGet(() -> content.minWidth(-1)) - 1);
        assertThat(window.getScene().getHeight())
                .isGreaterThanOrEqualTo(interactAndGet(() -> content.prefHeight(width)) - 1);
        assertThat(window.isResizable()).isTrue();
        // Centred within a window manager's frame (title bar, borders) of the owner's centre; the window manager
        // may take a moment to move it there.
        try {
            WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> interactAndGet(() ->
                    Math.abs(window.getX() + window.getWidth() / 2 - owner.getX() - owner.getWidth() / 2) < 12));
        } catch (java.util.concurrent.TimeoutException e) {
            // The assertions below say how far off it is.
        }
        assertThat(window.getX() + window.getWidth() / 2).as("centre x of %s at %s,%s %sx%s over %s,%s %sx%s",
                window.getTitle(), window.getX(), window.getY(), window.getWidth(), window.getHeight(),
                owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight()).isCloseTo(owner.getX() + owner.getWidth() / 2, within(12.0));
        // A window taller than its owner would start above the screen: the window manager keeps its top on screen.
        double centredTop = owner.getY() + owner.getHeight() / 2 - window.getHeight() / 2;
        double screenTop = javafx.stage.Screen.getPrimary().getVisualBounds().getMinY();
        assertThat(window.getY()).isCloseTo(Math.max(screenTop, centredTop), within(40.0));
    }

    /**
     * The labels and buttons outside the table whose rendered text is not their whole text: JavaFX draws a
     * label too narrow for its text as "User..." in its skin's Text node.
     */
    private List<String> cutLabels(Parent root) {
        return interactAndGet(() -> {
            List<String> cut = new ArrayList<>();
            collect(root, cut);
            return cut;
        });
    }

    private static void collect(Node node, List<String> cut) {
        if (!node.isVisible() || node instanceof TableView) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()
                && !labeled.isWrapText()) {
            Node rendered = labeled.lookup(".text");
            if (rendered instanceof Text text && !labeled.getText().equals(text.getText())) {
                cut.add(labeled.getText() + " shown as " + text.getText());
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, cut);
            }
        }
    }
}
