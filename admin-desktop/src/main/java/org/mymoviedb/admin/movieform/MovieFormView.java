package org.mymoviedb.admin.movieform;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.shell.Background;
import org.mymoviedb.admin.shell.Banner;
import org.mymoviedb.admin.shell.SafeConfirmation;
import org.mymoviedb.admin.shell.Windows;
import org.mymoviedb.admin.shell.AdminStyles;

/** The add/change movie window: every field with its error beneath it, Save, Save and add another, Cancel. */
public final class MovieFormView {

    private final MovieFormViewModel model;
    private final Stage stage = new Stage();
    private final Consumer<Movie> onSaved;
    private final TextField title = new TextField();
    /** The banner, and under it any notice about this movie from elsewhere ({@link #notice}). */
    private final VBox top = new VBox();

    public MovieFormView(Window owner, MovieFormViewModel model, Background background,
                         NamePicker.Suggestions genreNames, NamePicker.Suggestions personNames,
                         Consumer<Movie> onSaved) {
        this.model = model;
        this.onSaved = onSaved;

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(2);
        grid.setPadding(new Insets(14));
        title.setId("title");
        title.setPrefColumnCount(30);
        title.textProperty().bindBidirectional(model.title());
        TextField releaseDate = text("releaseDate", "YYYY-MM-DD");
        releaseDate.textProperty().bindBidirectional(model.releaseDate());
        TextField rating = text("rating", "0–100, empty while unrated");
        rating.textProperty().bindBidirectional(model.rating());
        TextField runtime = text("runtime", "minutes");
        runtime.textProperty().bindBidirectional(model.runtime());
        NamePicker genres = new NamePicker("genres", "Type a genre…", model.genres(), genreNames);
        NamePicker directors = new NamePicker("directors", "Type a director…", model.directors(), personNames);

        int row = 0;
        row = field(grid, row, "Title", title, "title");
        row = field(grid, row, "Release date", releaseDate, "releaseDate");
        row = field(grid, row, "Rating", rating, "rating");
        row = field(grid, row, "Runtime (min)", runtime, "runtimeMinutes");
        row = field(grid, row, "Genres", genres, "genres");
        field(grid, row, "Directors", directors, "directors");

        Label formError = errorLabel("form");
        Button save = new Button("Save");
        save.setId("save");
        save.setOnAction(e -> save());
        // Off while a save is under way, so a double click cannot send the movie twice.
        save.disableProperty().bind(model.saving());
        Button saveAndAdd = new Button("Save and add another");
        saveAndAdd.setId("saveAndAdd");
        saveAndAdd.disableProperty().bind(model.saving());
        saveAndAdd.setOnAction(e -> model.save(movie -> {
            onSaved.accept(movie);
            model.load(null);
            stage.setTitle("Add movie");
            title.requestFocus();
        }));
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.setOnAction(e -> closeUnlessKept());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(background.busy());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(8, progress, gap, save, saveAndAdd, cancel);
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.setPadding(new Insets(10, 14, 14, 14));

        BorderPane root = new BorderPane();
        top.getChildren().add(new Banner(background));
        root.setTop(top);
        root.setCenter(grid);
        root.setBottom(new VBox(4, formError, actions));
        BorderPane.setMargin(formError, new Insets(0, 14, 0, 14));

        // Tall enough for a field's suggestions to open without resizing the window.
        Scene scene = AdminStyles.on(new Scene(root, 640, 620));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::save);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), this::closeUnlessKept);
        stage.setScene(scene);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(model.editing().get() == null ? "Add movie" : "Change movie");
        stage.setOnCloseRequest(e -> {
            if (!mayDiscard()) {
                e.consume();
            }
        });
        model.conflict().addListener((obs, old, conflict) -> {
            if (conflict != null) {
                new ConflictView(stage, conflict, model::resolve, model::reloadCurrent).show();
            }
        });
    }

    private static TextField text(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    private int field(GridPane grid, int row, String label, Node input, String field) {
        Label name = new Label(label);
        name.setLabelFor(input);
        grid.add(name, 0, row);
        grid.add(input, 1, row);
        GridPane.setHgrow(input, Priority.ALWAYS);
        grid.add(errorLabel(field), 1, row + 1);
        return row + 2;
    }

    private Label errorLabel(String field) {
        Label error = new Label();
        error.setId(field + "Error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(model.error(field));
        // Takes no room until there is something to say.
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        return error;
    }

    private void save() {
        model.save(this::saved);
    }

    private void saved(Movie movie) {
        onSaved.accept(movie);
        stage.close();
    }

    private void closeUnlessKept() {
        if (mayDiscard()) {
            stage.close();
        }
    }

    /** True unless there are unsaved changes the editor chooses to keep. */
    private boolean mayDiscard() {
        if (!model.dirty().get()) {
            return true;
        }
        return new SafeConfirmation(stage, "confirmDiscard", "Discard your changes?",
                "Your changes to this movie are not saved.", "Discard changes", "Keep editing").confirmed();
    }

    /** Shows {@code notice} under the banner: news about this movie, such as another editor's change. */
    public void notice(Node notice) {
        top.getChildren().add(notice);
    }

    public void show() {
        Windows.showOver(stage, stage.getOwner());
        title.requestFocus();
    }

    public Stage stage() {
        return stage;
    }
}
