package org.mymoviedb.admin.movieform;

import java.time.LocalDate;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
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
import javafx.util.StringConverter;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.shell.Background;
import org.mymoviedb.admin.shell.Banner;
import org.mymoviedb.admin.shell.Notice;
import org.mymoviedb.admin.shell.SafeConfirmation;
import org.mymoviedb.admin.shell.Windows;
import org.mymoviedb.admin.shell.AdminStyles;

/**
 * The add/change movie window: every field with its error beneath it; Save, Save and continue editing, Save and
 * add another, Cancel; for a stored movie also Delete and History. Not modal: several forms are open at once,
 * one per movie (OpenForms), each titled after its movie.
 */
public final class MovieFormView {

    /** What the form needs from the window that opened it. */
    public interface Host {
        /** The movie was saved: the list shows it as it now is. */
        void saved(Movie movie);

        /** The movie was deleted. */
        void deleted(Movie movie);

        /** A panel showing the movie's history, a page at a time. */
        Node history(Movie movie);

        /** Says something on the main window, without blocking it. */
        void announce(String message);
    }

    private final MovieFormViewModel model;
    private final Stage stage = new Stage();
    private final Host host;
    private final TextField title = new TextField();
    /**
     * Lines across the top of the form about the movie (what was just saved, and room for others, e.g. that
     * someone else changed it): each a node of its own, newest last.
     */
    private final VBox notices = new VBox();
    private final Notice notice = new Notice("formNotice");
    private Stage history;

    public MovieFormView(Window owner, MovieFormViewModel model, Background background,
                         NamePicker.Suggestions genreNames, NamePicker.Suggestions personNames, Host host) {
        this.model = model;
        this.host = host;

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(2);
        grid.setPadding(new Insets(14));
        title.setId("title");
        title.setPrefColumnCount(30);
        title.textProperty().bindBidirectional(model.title());
        TextField releaseDate = text("releaseDate", "YYYY-MM-DD or as your calendar writes it");
        releaseDate.textProperty().bindBidirectional(model.releaseDate());
        HBox releaseDateRow = new HBox(4, releaseDate, calendar());
        HBox.setHgrow(releaseDate, Priority.ALWAYS);
        TextField rating = text("rating", "0–100, empty while unrated");
        rating.textProperty().bindBidirectional(model.rating());
        TextField runtime = text("runtime", "minutes");
        runtime.textProperty().bindBidirectional(model.runtime());
        NamePicker genres = new NamePicker("genres", "Type a genre…", model.genres(), genreNames);
        NamePicker directors = new NamePicker("directors", "Type a director…", model.directors(), personNames);

        int row = 0;
        row = field(grid, row, "Title", title, "title");
        row = field(grid, row, "Release date", releaseDateRow, "releaseDate");
        row = field(grid, row, "Rating", rating, "rating");
        row = field(grid, row, "Runtime (min)", runtime, "runtimeMinutes");
        row = field(grid, row, "Genres", genres, "genres");
        field(grid, row, "Directors", directors, "directors");

        Label formError = errorLabel("form");
        Button save = button("save", "Save", this::save);
        Button saveAndContinue = button("saveAndContinue", "Save and continue editing", this::saveAndContinue);
        Button saveAndAdd = button("saveAndAdd", "Save and add another", this::saveAndAdd);
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.setOnAction(e -> closeUnlessKept());
        Button delete = storedOnly(button("deleteMovie", "Delete…", this::delete));
        Button showHistory = storedOnly(new Button("History"));
        showHistory.setId("movieHistory");
        showHistory.setOnAction(e -> showHistory());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(background.busy());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(8, progress, delete, showHistory, gap, save, saveAndContinue, saveAndAdd, cancel);
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.setPadding(new Insets(10, 14, 14, 14));

        notices.setId("formNotices");
        notices.getChildren().add(notice);
        BorderPane root = new BorderPane();
        root.setTop(new VBox(new Banner(background), notices));
        root.setCenter(grid);
        root.setBottom(new VBox(4, formError, actions));
        BorderPane.setMargin(formError, new Insets(0, 14, 0, 14));

        // Tall enough for a field's suggestions to open without resizing the window.
        Scene scene = AdminStyles.on(new Scene(root, 760, 620));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::save);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), this::closeUnlessKept);
        stage.setScene(scene);
        stage.initOwner(owner);
        stage.titleProperty().bind(model.windowTitle());
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> model.close());
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

    /**
     * The calendar beside the release date: opens on the typed date and writes the picked one into the field
     * (as ISO); the field itself takes the date typed in ISO or the locale's way.
     */
    private DatePicker calendar() {
        DatePicker calendar = new DatePicker();
        calendar.setId("releaseDatePicker");
        calendar.setEditable(false);
        calendar.setFocusTraversable(false);
        calendar.setAccessibleText("Pick the release date from a calendar");
        // Only its button shows: the date is the field's, typed or picked.
        calendar.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return "";
            }

            @Override
            public LocalDate fromString(String text) {
                return null;
            }
        });
        calendar.setPrefWidth(44);
        calendar.setMinWidth(44);
        boolean[] opening = {false};
        calendar.setOnShowing(e -> {
            opening[0] = true;
            calendar.setValue(model.typedReleaseDate().orElse(null));
            opening[0] = false;
        });
        calendar.valueProperty().addListener((obs, old, date) -> {
            if (!opening[0] && date != null) {
                model.releaseDate().set(ReleaseDateText.written(date));
            }
        });
        return calendar;
    }

    private Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        // Off while a save or delete is under way, so a double click cannot send the movie twice.
        button.disableProperty().bind(model.saving());
        return button;
    }

    /** Shown only while the form edits a stored movie. */
    private Button storedOnly(Button button) {
        button.visibleProperty().bind(model.editing().isNotNull());
        button.managedProperty().bind(button.visibleProperty());
        return button;
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
        name.setMinWidth(Region.USE_PREF_SIZE);
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

    /** Saves and closes; typed on while the save was under way, the form stays open with those edits. */
    private void save() {
        model.save(movie -> {
            stored(movie);
            host.announce("Saved " + MovieFormViewModel.named(movie));
            if (model.dirty().get()) {
                notice.say("Saved " + MovieFormViewModel.named(movie) + "; what you typed since is not saved yet");
            } else {
                stage.close();
            }
        });
    }

    /** Saves and stays on the saved version. */
    private void saveAndContinue() {
        model.save(movie -> {
            stored(movie);
            notice.say("Saved " + MovieFormViewModel.named(movie));
        });
    }

    /** Saves and starts a new movie in the same window, unless the editor typed on while it saved. */
    private void saveAndAdd() {
        model.save(movie -> {
            stored(movie);
            host.announce("Saved " + MovieFormViewModel.named(movie));
            if (model.dirty().get()) {
                notice.say("Saved " + MovieFormViewModel.named(movie) + "; what you typed since is not saved yet");
                return;
            }
            model.load(null);
            notice.say("Saved " + MovieFormViewModel.named(movie) + ". Now a new movie:");
            closeHistory();
            title.requestFocus();
        });
    }

    private void stored(Movie movie) {
        host.saved(movie);
        if (history != null && history.isShowing()) {
            history.getScene().setRoot(historyPanel(movie));
            history.setTitle("History of " + movie.title());
        }
    }

    /** Asks first (this form's own question, over this form); then deletes and closes. */
    private void delete() {
        Movie doomed = model.editing().get();
        if (doomed == null) {
            return;
        }
        String explanation = "Its history stays." + (model.dirty().get() ? " Your unsaved changes go with it." : "");
        if (new SafeConfirmation(stage, "confirmDeleteMovie", "Delete " + MovieFormViewModel.named(doomed) + "?",
                explanation, "Delete", "Keep it").confirmed()) {
            model.delete(gone -> {
                host.deleted(gone);
                host.announce("Deleted " + MovieFormViewModel.named(gone));
                closeHistory();
                stage.close();
            });
        }
    }

    /** The movie's history in a window of its own beside the form, one per form. */
    private void showHistory() {
        Movie movie = model.editing().get();
        if (movie == null) {
            return;
        }
        if (history != null && history.isShowing()) {
            history.toFront();
            return;
        }
        history = new Stage();
        history.initOwner(stage);
        history.setTitle("History of " + movie.title());
        history.setScene(AdminStyles.on(new Scene(historyPanel(movie), 520, 480)));
        Windows.showOver(history, stage);
    }

    private Region historyPanel(Movie movie) {
        BorderPane panel = new BorderPane(host.history(movie));
        panel.setId("formHistory");
        panel.setPadding(new Insets(10));
        return panel;
    }

    private void closeHistory() {
        if (history != null) {
            history.close();
        }
    }

    /** Closes the form unless it has unsaved changes the editor keeps; true when it closed. */
    public boolean closeUnlessKept() {
        if (mayDiscard()) {
            closeHistory();
            stage.close();
            return true;
        }
        return false;
    }

    /** True unless there are unsaved changes the editor chooses to keep. */
    private boolean mayDiscard() {
        if (!model.dirty().get()) {
            return true;
        }
        toFront();
        return new SafeConfirmation(stage, "confirmDiscard", "Discard your changes?",
                "Your changes to " + (model.editing().get() == null ? "this new movie"
                        : MovieFormViewModel.named(model.editing().get())) + " are not saved.",
                "Discard changes", "Keep editing").confirmed();
    }

    /** Shows {@code notice} under the banner: news about this movie, such as another editor's change. */
    public void notice(Node notice) {
        notices.getChildren().add(notice);
    }

    public void show() {
        Windows.showOver(stage, stage.getOwner());
        title.requestFocus();
    }

    /** Brings the form to the front, e.g. when its movie is opened again. */
    public void toFront() {
        if (stage.isIconified()) {
            stage.setIconified(false);
        }
        stage.toFront();
        stage.requestFocus();
    }

    /** Where notices about this movie go (a VBox, newest last); the form's own "Saved" line is the first. */
    public VBox notices() {
        return notices;
    }

    public MovieFormViewModel model() {
        return model;
    }

    public Stage stage() {
        return stage;
    }
}
