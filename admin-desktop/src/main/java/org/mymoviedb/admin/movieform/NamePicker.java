package org.mymoviedb.admin.movieform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Picks genres or directors: the chosen names as removable chips, and a box that suggests existing names as
 * the editor types, with "Create new" for a name nobody has yet (the server creates it on save).
 */
public final class NamePicker extends VBox {

    /** Finds existing names containing the typed text; answers on the FX thread. */
    public interface Suggestions {
        void find(String typed, Consumer<List<String>> found);
    }

    static final String CREATE_NEW = "Create new: ";

    private final ObservableList<String> chosen;
    private final TextField input = new TextField();
    private final ListView<String> suggestions = new ListView<>();
    private final FlowPane chips = new FlowPane(4, 4);
    private List<String> existing = List.of();

    public NamePicker(String id, String prompt, ObservableList<String> chosen, Suggestions source) {
        this.chosen = chosen;
        setId(id);
        setSpacing(4);
        input.setId(id + "Input");
        input.setPromptText(prompt);
        suggestions.setId(id + "Suggestions");
        suggestions.setPrefHeight(120);
        suggestions.setMinHeight(96);
        suggestions.setFocusTraversable(false);
        showSuggestions(false);

        PauseTransition debounce = new PauseTransition(Duration.millis(200));
        debounce.setOnFinished(e -> {
            String typed = input.getText().strip();
            if (typed.isEmpty()) {
                showSuggestions(false);
                return;
            }
            source.find(typed, found -> {
                if (typed.equals(input.getText().strip())) {
                    offer(typed, found);
                }
            });
        });
        input.textProperty().addListener((obs, old, text) -> debounce.playFromStart());
        input.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !input.getText().isBlank()) {
                e.consume();
                add(canonical(input.getText().strip()));
            } else if (e.getCode() == KeyCode.DOWN && suggestions.isVisible()) {
                suggestions.requestFocus();
                suggestions.getSelectionModel().selectFirst();
            }
        });
        suggestions.setOnMouseClicked(e -> pick(suggestions.getSelectionModel().getSelectedItem()));
        suggestions.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                pick(suggestions.getSelectionModel().getSelectedItem());
            }
        });

        chosen.addListener((ListChangeListener<String>) change -> drawChips());
        drawChips();
        getChildren().addAll(chips, input, suggestions);
    }

    private void offer(String typed, List<String> found) {
        existing = found;
        List<String> items = new ArrayList<>();
        for (String name : found) {
            if (chosen.stream().noneMatch(name::equalsIgnoreCase)) {
                items.add(name);
            }
        }
        if (found.stream().noneMatch(typed::equalsIgnoreCase)) {
            items.add(CREATE_NEW + typed);
        }
        suggestions.getItems().setAll(items);
        showSuggestions(!items.isEmpty());
    }

    private void pick(String item) {
        if (item != null) {
            add(item.startsWith(CREATE_NEW) ? item.substring(CREATE_NEW.length()) : item);
        }
    }

    /** An existing name spelled as it is stored, so "drama" picks "Drama" rather than making a twin. */
    private String canonical(String typed) {
        return existing.stream().filter(typed::equalsIgnoreCase).findFirst().orElse(typed);
    }

    private void add(String name) {
        if (chosen.stream().noneMatch(name::equalsIgnoreCase)) {
            chosen.add(name);
        }
        input.clear();
        showSuggestions(false);
        input.requestFocus();
    }

    private void showSuggestions(boolean shown) {
        suggestions.setVisible(shown);
        suggestions.setManaged(shown);
    }

    private void drawChips() {
        chips.getChildren().clear();
        for (String name : chosen) {
            Label label = new Label(name);
            Button remove = new Button("×");
            remove.setFocusTraversable(false);
            remove.setStyle("-fx-padding: 0 4 0 4; -fx-background-color: transparent;");
            remove.setOnAction(e -> chosen.remove(name));
            HBox chip = new HBox(2, label, remove);
            chip.getStyleClass().add("chip");
            chip.setAlignment(Pos.CENTER_LEFT);
            chip.setStyle("-fx-background-color: #e3ecfa; -fx-background-radius: 10; -fx-padding: 1 2 1 8;");
            chips.getChildren().add(chip);
        }
    }

    public TextField input() {
        return input;
    }
}
