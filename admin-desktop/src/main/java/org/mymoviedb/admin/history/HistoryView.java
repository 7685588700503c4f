package org.mymoviedb.admin.history;

import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mymoviedb.admin.api.HistoryEntry;

/** The history panel beside the movie list. */
public final class HistoryView {

    private final VBox root;

    public HistoryView(HistoryViewModel model) {
        Label heading = new Label();
        heading.setId("historyHeading");
        heading.getStyleClass().add("heading");
        heading.textProperty().bind(model.heading());

        TableView<HistoryEntry> table = new TableView<>(model.entries());
        table.setId("historyTable");
        table.setPlaceholder(new Label("No history"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("When", HistoryEntry::when, 110));
        table.getColumns().add(column("Who", HistoryEntry::username, 70));
        table.getColumns().add(column("Action", HistoryEntry::action, 60));
        table.getColumns().add(column("Changes", HistoryView::describe, 200));
        VBox.setVgrow(table, Priority.ALWAYS);

        root = new VBox(6, heading, table);
        root.setPadding(new Insets(0, 0, 0, 6));
    }

    private static TableColumn<HistoryEntry, String> column(String name,
                                                            java.util.function.Function<HistoryEntry, String> text,
                                                            double width) {
        TableColumn<HistoryEntry, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    /** "title: "Alien" → "Aliens"; rating: 80 → 85", with values as the server recorded them (JSON). */
    static String describe(HistoryEntry entry) {
        return entry.changes().stream()
                .map(c -> c.field() + ": " + (c.before() == null ? "–" : c.before()) + " → "
                        + (c.after() == null ? "–" : c.after()))
                .collect(Collectors.joining("; "));
    }

    public Node root() {
        return root;
    }
}
