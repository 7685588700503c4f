package org.mymoviedb.admin.history;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mymoviedb.admin.api.HistoryEntry;
import org.mymoviedb.admin.shell.ChangeWording;
import org.mymoviedb.admin.shell.HistoryTable;

/** The history panel beside the movie list: each change on a line of its own, wrapped to the panel's width. */
public final class HistoryView {

    private final VBox root;

    public HistoryView(HistoryViewModel model) {
        Label heading = new Label();
        heading.setId("historyHeading");
        heading.getStyleClass().add("heading");
        heading.setWrapText(true);
        heading.textProperty().bind(model.heading());

        TableView<HistoryEntry> table = new HistoryTable("historyTable", model.feed())
                .wrappingColumn("When", entry -> entry.when() + "\n" + entry.username(), 122, 118)
                .column("Action", HistoryEntry::action, 64, 56)
                .wrappingColumn("Changes", ChangeWording::changes, 200, 140)
                .table();
        VBox.setVgrow(table, Priority.ALWAYS);

        Button more = new Button("Load more");
        more.setId("historyLoadMore");
        more.visibleProperty().bind(model.feed().hasMore());
        more.managedProperty().bind(model.feed().hasMore());
        more.setOnAction(e -> model.feed().loadMore());

        root = new VBox(6, heading, table, more);
        root.setPadding(new Insets(0, 0, 0, 6));
        root.setMinWidth(260);
    }

    public Node root() {
        return root;
    }
}
