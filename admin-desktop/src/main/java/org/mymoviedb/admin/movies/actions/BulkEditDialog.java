package org.mymoviedb.admin.movies.actions;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.movies.actions.BulkEdit.Kind;
import org.mymoviedb.admin.shell.AdminStyles;
import org.mymoviedb.admin.shell.Windows;

/**
 * The one question before an action on the selected movies: which genre or director, naming the movies it
 * touches. Cancel is the default (Enter, Esc); the action takes a click on its own button.
 */
final class BulkEditDialog {

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ButtonType go;
    private final ComboBox<String> name = new ComboBox<>();
    private final Kind kind;

    /** @param suggestions the names offered: every genre to add, the selection's genres to remove, its directors */
    BulkEditDialog(Window owner, Kind kind, List<Movie> movies, List<String> suggestions) {
        this.kind = kind;
        String what = kind == Kind.SET_DIRECTOR ? "Director" : "Genre";
        go = new ButtonType(kind.label() + " on " + movies.size(), ButtonBar.ButtonData.OTHER);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(go, cancel);
        dialog.getDialogPane().setId("bulkEditDialog");
        String header = switch (kind) {
            case ADD_GENRE -> "Add a genre to ";
            case REMOVE_GENRE -> "Remove a genre from ";
            case SET_DIRECTOR -> "Make one person the director of ";
        } + (movies.size() == 1 ? "this movie" : "these " + movies.size() + " movies");
        dialog.setTitle(header);
        dialog.setHeaderText(header);

        name.setId("bulkName");
        name.setEditable(true);
        name.getItems().setAll(suggestions);
        name.setPromptText(what.toLowerCase() + " name");
        name.setPrefWidth(280);
        HBox ask = new HBox(8, new Label(what), name);
        ask.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label listed = new Label(names(movies));
        listed.setId("bulkMovies");
        listed.setWrapText(true);
        Label note = new Label(switch (kind) {
            case ADD_GENRE, REMOVE_GENRE -> "Each movie is changed on its own and keeps its other genres, also "
                    + "those someone else adds meanwhile.";
            case SET_DIRECTOR -> "Replaces each movie's directors. A movie whose directors someone else changed "
                    + "since the list showed it is left as it is and named in the summary.";
        });
        note.setWrapText(true);
        note.setMaxWidth(420);
        dialog.getDialogPane().setContent(new VBox(10, ask, listed, note));
        AdminStyles.on(dialog.getDialogPane());
        Windows.fit(dialog, owner);

        Button goButton = (Button) dialog.getDialogPane().lookupButton(go);
        goButton.setId("bulkApply");
        goButton.disableProperty().bind(name.getEditor().textProperty().isEmpty()
                .and(name.valueProperty().isNull()));
        Button cancelButton = (Button) dialog.getDialogPane().lookupButton(cancel);
        cancelButton.setDefaultButton(true);
        dialog.setOnShown(e -> name.requestFocus());
    }

    /** The movies it touches, the first ten by title and year. */
    static String names(List<Movie> movies) {
        String names = movies.stream().limit(10).map(m -> "• " + m.title() + " (" + m.releaseDate() + ")")
                .collect(Collectors.joining("\n"));
        return movies.size() > 10 ? names + "\n… and " + (movies.size() - 10) + " more" : names;
    }

    /** Asks and waits: the edit, or empty when the editor cancelled or named nothing. */
    Optional<BulkEdit> ask() {
        return dialog.showAndWait().filter(go::equals).map(answer -> typed()).filter(typed -> !typed.isBlank())
                .map(typed -> new BulkEdit(kind, typed));
    }

    private String typed() {
        String text = name.getEditor().getText();
        if ((text == null || text.isBlank()) && name.getValue() != null) {
            text = name.getValue();
        }
        return text == null ? "" : text;
    }
}
