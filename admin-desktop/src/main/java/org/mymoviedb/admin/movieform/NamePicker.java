package org.mymoviedb.admin.movieform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.mymoviedb.admin.shell.LatestOnly;

/**
 * Picks genres or directors: the chosen names as removable chips, and a box that suggests existing names as
 * the editor types. The best match is highlighted (an exact match first, then names that start with the
 * typed text) and Enter picks it; Up and Down move the highlight. A name nobody has yet is only made by the
 * explicit "Create new" line, which is the highlighted one when nothing matches; its chip says "(new)" until
 * the server has created it on save. Text with separators ("Drama, Crime" or "Drama; Crime") is several names:
 * its last line is "Add each", which picks each part as a name of its own (an existing one where the catalogue
 * has it, else a new one), never one name holding the separator. Esc closes the list and nothing else.
 */
public final class NamePicker extends VBox {

    /** Finds existing names containing the typed text; answers on the FX thread. */
    public interface Suggestions {
        void find(String typed, Consumer<List<String>> found);
    }

    static final String CREATE_NEW = "Create new: ";
    static final String NEW_MARK = " (new)";
    static final String ADD_EACH = "Add each: ";
    /** What separates names typed on one line: commas, and semicolons as the CSV import writes lists. */
    private static final String SEPARATORS = "[,;]";

    private final ObservableList<String> chosen;
    private final Suggestions source;
    private final TextField input = new TextField();
    private final ListView<String> suggestions = new ListView<>();
    private final FlowPane chips = new FlowPane(4, 4);
    private final PauseTransition debounce = new PauseTransition(Duration.millis(200));
    /** Chosen names made with "Create new", in lower case: not stored until the movie is saved. */
    private final Set<String> created = new HashSet<>();
    /** Suggestions for text the box no longer holds are dropped. */
    private final LatestOnly latest = new LatestOnly();
    /** The typed text the shown suggestions answer, or null while none are shown. */
    private String offeredFor;

    public NamePicker(String id, String prompt, ObservableList<String> chosen, Suggestions source) {
        this.chosen = chosen;
        this.source = source;
        setId(id);
        setSpacing(4);
        input.setId(id + "Input");
        input.setPromptText(prompt);
        suggestions.setId(id + "Suggestions");
        suggestions.setPrefHeight(120);
        suggestions.setMinHeight(96);
        suggestions.setFocusTraversable(false);
        showSuggestions(false);

        debounce.setOnFinished(e -> lookUp(input.getText().strip(), () -> { }));
        input.textProperty().addListener((obs, old, text) -> {
            if (!old.strip().equals(text.strip())) {
                latest.supersede();
            }
            debounce.playFromStart();
        });
        input.addEventHandler(KeyEvent.KEY_PRESSED, this::keyInInput);
        suggestions.setOnMouseClicked(e -> pick(suggestions.getSelectionModel().getSelectedItem()));
        suggestions.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                pick(suggestions.getSelectionModel().getSelectedItem());
            } else if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                closeList();
            }
        });

        chosen.addListener((ListChangeListener<String>) change -> {
            while (change.next()) {
                // A name taken off (or replaced by the server's answer after a save) is no longer one to create.
                change.getRemoved().forEach(name -> created.remove(folded(name)));
            }
            drawChips();
        });
        drawChips();
        getChildren().addAll(chips, input, suggestions);
    }

    private void keyInInput(KeyEvent e) {
        switch (e.getCode()) {
            case ENTER -> {
                if (!input.getText().isBlank()) {
                    e.consume();
                    pickHighlighted();
                }
            }
            case ESCAPE -> {
                // The list is what Esc closes here; with it closed, Esc is the form's (cancel).
                if (suggestions.isVisible()) {
                    e.consume();
                    closeList();
                }
            }
            case DOWN, UP -> {
                if (suggestions.isVisible()) {
                    e.consume();
                    if (e.getCode() == KeyCode.DOWN) {
                        suggestions.getSelectionModel().selectNext();
                    } else {
                        suggestions.getSelectionModel().selectPrevious();
                    }
                    suggestions.scrollTo(suggestions.getSelectionModel().getSelectedIndex());
                }
            }
            default -> {
            }
        }
    }

    /**
     * Enter: the highlighted suggestion for what is typed. Typed faster than the suggestions came, it asks for
     * them now and picks once they answer, so "dra" and Enter still picks "Drama", never a new "dra".
     */
    private void pickHighlighted() {
        String typed = input.getText().strip();
        if (chosen.stream().anyMatch(typed::equalsIgnoreCase)) {
            clearInput();
            return;
        }
        if (typed.equals(offeredFor)) {
            pick(suggestions.getSelectionModel().getSelectedItem());
            return;
        }
        debounce.stop();
        lookUp(typed, () -> pick(suggestions.getSelectionModel().getSelectedItem()));
    }

    /** Asks for suggestions for {@code typed}; once they are shown (and still answer the box), runs {@code then}. */
    private void lookUp(String typed, Runnable then) {
        if (typed.isEmpty()) {
            closeList();
            return;
        }
        source.find(typed, latest.newest(found -> {
            offer(typed, found);
            then.run();
        }));
    }

    private void offer(String typed, List<String> found) {
        String needle = folded(typed);
        List<String> exact = new ArrayList<>();
        List<String> starting = new ArrayList<>();
        List<String> containing = new ArrayList<>();
        for (String name : found) {
            if (chosen.stream().anyMatch(name::equalsIgnoreCase)) {
                continue;
            }
            String haystack = folded(name);
            (haystack.equals(needle) ? exact : haystack.startsWith(needle) ? starting : containing).add(name);
        }
        List<String> items = new ArrayList<>(exact);
        items.addAll(starting);
        items.addAll(containing);
        if (found.stream().noneMatch(typed::equalsIgnoreCase)) {
            List<String> parts = parts(typed);
            items.add(parts.size() > 1 || !parts.get(0).equals(typed) ? ADD_EACH + String.join(", ", parts)
                    : CREATE_NEW + typed);
        }
        suggestions.getItems().setAll(items);
        offeredFor = typed;
        if (chosen.stream().anyMatch(typed::equalsIgnoreCase)) {
            // Already chosen: Enter must not pick some other name that merely contains it.
            suggestions.getSelectionModel().clearSelection();
        } else {
            suggestions.getSelectionModel().selectFirst();
        }
        showSuggestions(!items.isEmpty());
    }

    private void pick(String item) {
        if (item == null) {
            return;
        }
        if (item.startsWith(ADD_EACH)) {
            clearInput();
            addEach(new ArrayDeque<>(parts(item.substring(ADD_EACH.length()))));
        } else if (item.startsWith(CREATE_NEW)) {
            String name = item.substring(CREATE_NEW.length());
            created.add(folded(name));
            add(name);
        } else {
            add(item);
        }
    }

    /** The names in {@code typed}, split at its separators, without blanks. */
    private static List<String> parts(String typed) {
        List<String> parts = Arrays.stream(typed.split(SEPARATORS)).map(String::strip).filter(p -> !p.isEmpty())
                .toList();
        return parts.isEmpty() ? List.of(typed.strip()) : parts;
    }

    /**
     * Adds the names in order, one at a time: each as the catalogue spells it where it has it, else as new.
     * One at a time so the chips keep the typed order whichever answer comes first.
     */
    private void addEach(Deque<String> names) {
        String name = names.poll();
        if (name == null) {
            return;
        }
        source.find(name, found -> {
            String stored = found.stream().filter(name::equalsIgnoreCase).findFirst().orElse(null);
            if (stored == null) {
                if (chosen.stream().noneMatch(name::equalsIgnoreCase)) {
                    created.add(folded(name));
                }
                add(name);
            } else {
                add(stored);
            }
            addEach(names);
        });
    }

    private void add(String name) {
        if (chosen.stream().noneMatch(name::equalsIgnoreCase)) {
            chosen.add(name);
        } else {
            drawChips();
        }
        clearInput();
    }

    private void clearInput() {
        input.clear();
        // Clearing is not typing: no lookup for the empty box.
        debounce.stop();
        closeList();
        input.requestFocus();
    }

    private void closeList() {
        offeredFor = null;
        showSuggestions(false);
    }

    private void showSuggestions(boolean shown) {
        suggestions.setVisible(shown);
        suggestions.setManaged(shown);
    }

    private void drawChips() {
        chips.getChildren().clear();
        for (String name : chosen) {
            boolean isNew = created.contains(folded(name));
            Label label = new Label(isNew ? name + NEW_MARK : name);
            label.getStyleClass().add("chip-name");
            Button remove = new Button("×");
            remove.setFocusTraversable(false);
            remove.setAccessibleText("Remove " + name);
            remove.getStyleClass().add("chip-remove");
            remove.setOnAction(e -> chosen.remove(name));
            HBox chip = new HBox(2, label, remove);
            chip.getStyleClass().add("chip");
            chip.setAlignment(Pos.CENTER_LEFT);
            if (isNew) {
                // Looks apart (admin.css): a name the server will create on save, not one from the catalogue.
                chip.getStyleClass().add("chip-new");
                label.setAccessibleText(name + ", new: created when the movie is saved");
            }
            chips.getChildren().add(chip);
        }
    }

    private static String folded(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    public TextField input() {
        return input;
    }
}
