package org.mymoviedb.admin.movieform;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.mymoviedb.admin.api.MovieDraft;
import org.mymoviedb.admin.api.MovieField;
import org.mymoviedb.admin.movieform.MovieFormViewModel.Conflict;
import org.mymoviedb.admin.movieform.MovieFormViewModel.Disagreement;
import org.mymoviedb.admin.shell.AdminStyles;
import org.mymoviedb.admin.shell.Windows;

/**
 * Shown when someone else saved the movie first and both of you changed the same fields: only those fields,
 * each with your value, theirs, and who changed theirs when, and a choice per field. Everything else has
 * already merged. Enter and Esc keep editing with the typed values intact; nothing is saved until the editor
 * has chosen for every field.
 */
final class ConflictView {

    private static final Map<MovieField, String> LABELS = Map.of(
            MovieField.TITLE, "Title", MovieField.RELEASE_DATE, "Release date", MovieField.RATING, "Rating",
            MovieField.RUNTIME_MINUTES, "Runtime (min)", MovieField.GENRES, "Genres",
            MovieField.DIRECTORS, "Directors");

    private final Stage stage = new Stage();

    /** {@code resolve} gets the disputed fields that keep the editor's value. */
    ConflictView(Window owner, Conflict conflict, Consumer<Set<MovieField>> resolve, Runnable reload) {
        MovieDraft mine = conflict.merge().mine();
        MovieDraft theirs = conflict.merge().theirs();
        GridPane grid = new GridPane();
        grid.setId("conflictGrid");
        grid.setHgap(16);
        grid.setVgap(6);
        grid.addRow(0, bold("Field"), bold("Yours"), bold("Theirs"));
        Map<MovieField, ToggleGroup> choices = new LinkedHashMap<>();
        int row = 1;
        for (Disagreement disagreement : conflict.disagreements()) {
            MovieField field = disagreement.field();
            ToggleGroup choice = new ToggleGroup();
            RadioButton yours = option(choice, "mine-" + field.key(), shown(field, mine),
                    "your unsaved change");
            RadioButton others = option(choice, "theirs-" + field.key(), shown(field, theirs),
                    "changed by " + changedBy(disagreement));
            Label who = new Label("changed by " + changedBy(disagreement));
            who.setId("changedBy-" + field.key());
            who.getStyleClass().add("changed-by");
            grid.add(new Label(LABELS.get(field)), 0, row);
            grid.add(yours, 1, row);
            grid.add(new VBox(2, others, who), 2, row);
            choices.put(field, choice);
            row++;
        }

        Button save = new Button("Save my choices");
        save.setId("saveChoices");
        // A field left undecided would be decided by default, which is what this window exists to avoid.
        save.disableProperty().bind(Bindings.createBooleanBinding(
                () -> choices.values().stream().anyMatch(group -> group.getSelectedToggle() == null),
                choices.values().stream().map(ToggleGroup::selectedToggleProperty).toArray(Observable[]::new)));
        save.setOnAction(e -> {
            Set<MovieField> keepMine = EnumSet.noneOf(MovieField.class);
            choices.forEach((field, group) -> {
                if (((RadioButton) group.getSelectedToggle()).getId().startsWith("mine-")) {
                    keepMine.add(field);
                }
            });
            stage.close();
            resolve.accept(keepMine);
        });
        Button reloadButton = new Button("Drop all mine, reload theirs");
        reloadButton.setId("reloadCurrent");
        reloadButton.setOnAction(e -> {
            stage.close();
            reload.run();
        });
        Button keep = new Button("Keep editing");
        keep.setId("keepEditing");
        // The safe way out is what Enter and Esc do.
        keep.setDefaultButton(true);
        keep.setCancelButton(true);
        keep.setOnAction(e -> stage.close());
        HBox actions = new HBox(8, save, reloadButton, keep);
        actions.setAlignment(Pos.CENTER_RIGHT);

        Label explanation = new Label("Someone else saved this movie while you were editing. Their changes to "
                + "fields you did not touch, and your other changes, are kept. You both changed the fields below: "
                + "choose which value stays for each. Nothing is saved until you do.");
        explanation.setId("conflictExplanation");
        explanation.setWrapText(true);
        VBox root = new VBox(12, explanation, grid, actions);
        root.setId("conflict");
        root.setPadding(new Insets(16));
        root.setPrefWidth(620);
        Scene scene = AdminStyles.on(new Scene(root));
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.setTitle("Conflict: " + conflict.current().title());
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setOnShown(e -> keep.requestFocus());
    }

    void show() {
        Windows.showOver(stage, stage.getOwner());
    }

    private static RadioButton option(ToggleGroup group, String id, String value, String whose) {
        RadioButton option = new RadioButton(value.isEmpty() ? "(empty)" : value);
        option.setId(id);
        option.setToggleGroup(group);
        option.setWrapText(true);
        option.setAccessibleText(option.getText() + ", " + whose);
        return option;
    }

    private static String changedBy(Disagreement disagreement) {
        return disagreement.when().isEmpty() ? disagreement.by() : disagreement.by() + ", " + disagreement.when();
    }

    private static String shown(MovieField field, MovieDraft draft) {
        Object value = field.of(draft);
        if (value == null) {
            return "";
        }
        return value instanceof List<?> names ? String.join(", ", names.stream().map(Object::toString).toList())
                : value.toString();
    }

    private static Label bold(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("heading");
        return label;
    }
}
