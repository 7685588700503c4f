package org.mymoviedb.admin.movieform;

import java.util.List;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.api.MovieDraft;
import org.mymoviedb.admin.movieform.MovieFormViewModel.Conflict;

/**
 * Shown when someone else saved the movie first: the editor's values beside the current ones, and the two
 * deliberate ways out (overwrite, or reload theirs). Closing it keeps editing with the typed values intact.
 */
final class ConflictView {

    private final Stage stage = new Stage();

    ConflictView(Window owner, Conflict conflict, Runnable overwrite, Runnable reload) {
        MovieDraft mine = conflict.mine();
        Movie current = conflict.current();
        GridPane grid = new GridPane();
        grid.setId("conflictGrid");
        grid.setHgap(16);
        grid.setVgap(6);
        grid.addRow(0, bold("Field"), bold("Yours"), bold("On the server now"));
        row(grid, 1, "Title", mine.title(), current.title());
        row(grid, 2, "Release date", mine.releaseDate(), current.releaseDate());
        row(grid, 3, "Rating", text(mine.rating()), text(current.rating()));
        row(grid, 4, "Runtime", text(mine.runtimeMinutes()), text(current.runtimeMinutes()));
        row(grid, 5, "Genres", String.join(", ", mine.genres()), String.join(", ", current.genreNames()));
        row(grid, 6, "Directors", String.join(", ", mine.directors()), String.join(", ", current.directorNames()));

        Button overwriteButton = new Button("Overwrite with mine");
        overwriteButton.setId("overwrite");
        overwriteButton.setOnAction(e -> {
            stage.close();
            overwrite.run();
        });
        Button reloadButton = new Button("Reload theirs");
        reloadButton.setId("reloadCurrent");
        reloadButton.setOnAction(e -> {
            stage.close();
            reload.run();
        });
        Button keep = new Button("Keep editing");
        keep.setId("keepEditing");
        keep.setCancelButton(true);
        keep.setOnAction(e -> stage.close());
        HBox actions = new HBox(8, overwriteButton, reloadButton, keep);
        actions.setAlignment(Pos.CENTER_RIGHT);

        Label explanation = new Label("Someone else changed this movie since you opened it. Nothing was saved. "
                + "Compare, then overwrite with your values or reload theirs.");
        explanation.setWrapText(true);
        VBox root = new VBox(12, explanation, grid, actions);
        root.setId("conflict");
        root.setPadding(new Insets(16));
        root.setPrefWidth(620);
        Scene scene = new Scene(root);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.setTitle("Conflict: " + current.title());
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
    }

    void show() {
        stage.show();
    }

    private static void row(GridPane grid, int row, String field, String mine, String current) {
        Label yours = new Label(mine);
        yours.setId("mine-" + row);
        Label theirs = new Label(current);
        theirs.setId("current-" + row);
        if (!Objects.equals(mine, current)) {
            // The rows that differ are the ones the editor has to decide about.
            for (Label label : List.of(yours, theirs)) {
                label.setStyle("-fx-background-color: #fff3cd; -fx-padding: 1 4 1 4;");
            }
        }
        grid.addRow(row, new Label(field), yours, theirs);
    }

    private static Label bold(String text) {
        Label label = new Label(text);
        label.setStyle("-fx-font-weight: bold;");
        return label;
    }

    private static String text(Integer value) {
        return value == null ? "" : value.toString();
    }
}
