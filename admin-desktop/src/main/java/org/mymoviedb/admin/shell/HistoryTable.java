package org.mymoviedb.admin.shell;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;
import org.mymoviedb.admin.api.HistoryEntry;

/**
 * The table history is shown in, by the audit log and beside the movie list: wrapping cells, so a change reads
 * in full at any width, and the next page fetched when the last rows scroll into view.
 */
public final class HistoryTable {

    private final TableView<HistoryEntry> table;

    public HistoryTable(String id, HistoryFeed feed) {
        table = new TableView<>(feed.entries());
        table.setId(id);
        table.setPlaceholder(new Label("No history"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.skinProperty().addListener((obs, old, skin) -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
            if (flow != null) {
                flow.positionProperty().addListener((o, before, position) -> {
                    if (position.doubleValue() > 0.9) {
                        feed.loadMore();
                    }
                });
            }
        });
        // A first page that fills no screen cannot be scrolled: the next one comes when it lands.
        feed.entries().addListener((javafx.collections.ListChangeListener<HistoryEntry>) change -> {
            if (table.getItems().size() < 20) {
                feed.loadMore();
            }
        });
    }

    /** Adds a column of one line per row; {@code minWidth} keeps it readable when the window is narrow. */
    public HistoryTable column(String name, Function<HistoryEntry, String> text, double width, double minWidth) {
        TableColumn<HistoryEntry, String> column = new TableColumn<>(name);
        column.setId("column" + name.replace(" ", ""));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setMinWidth(minWidth);
        column.setSortable(false);
        table.getColumns().add(column);
        return this;
    }

    /** Adds a column whose text wraps at the column's width, growing the row, so nothing ends in "...". */
    public HistoryTable wrappingColumn(String name, Function<HistoryEntry, String> text, double width,
                                       double minWidth) {
        column(name, text, width, minWidth);
        @SuppressWarnings("unchecked")
        TableColumn<HistoryEntry, String> column =
                (TableColumn<HistoryEntry, String>) table.getColumns().get(table.getColumns().size() - 1);
        column.setCellFactory(c -> new TableCell<>() {
            private final Text wrapped = new Text();

            {
                wrapped.getStyleClass().add("wrapped-cell-text");
                wrapped.wrappingWidthProperty().bind(column.widthProperty().subtract(10));
                setGraphic(wrapped);
                setPrefHeight(USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                wrapped.setText(empty || item == null ? "" : item);
                setAccessibleText(wrapped.getText());
            }
        });
        return this;
    }

    public TableView<HistoryEntry> table() {
        return table;
    }
}
