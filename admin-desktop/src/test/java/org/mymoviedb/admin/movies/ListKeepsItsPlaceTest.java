package org.mymoviedb.admin.movies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.support.AdminAppTest;

/** Saving a movie from far down the list leaves the list where it was, the movie still selected. */
class ListKeepsItsPlaceTest extends AdminAppTest {

    @BeforeAll
    static void seed() {
        for (int i = 0; i < 150; i++) {
            catalogue.movie(String.format("Place reel %03d", i), LocalDate.of(1980, 1, 1 + i % 28), 50, 90);
        }
    }

    @Test
    void savingKeepsTheScrollPositionAndTheSelection() {
        signIn();
        replaceText("#search", "Place reel");
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

        clickOn("#editMovie");
        waitUntil(() -> lookup("#title").tryQuery().isPresent());
        replaceText("#title", "Place reel 090 renamed");
        clickOn("#save");
        waitUntil(() -> lookup("#title").tryQuery().isEmpty());
        settle();

        assertThat(interactAndGet(() -> table.getSelectionModel().getSelectedItem().title()))
                .isEqualTo("Place reel 090 renamed");
        assertThat(firstVisible(table)).isEqualTo(firstVisible);
    }

    private int firstVisible(TableView<Movie> table) {
        return interactAndGet(() -> ((VirtualFlow<?>) table.lookup(".virtual-flow")).getFirstVisibleCell().getIndex());
    }
}
