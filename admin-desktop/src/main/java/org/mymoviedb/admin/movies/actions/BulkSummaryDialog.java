package org.mymoviedb.admin.movies.actions;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.mymoviedb.admin.shell.AdminStyles;
import org.mymoviedb.admin.shell.TextColumn;
import org.mymoviedb.admin.shell.Windows;

/** After an action on the selected movies: the counts, then each movie with what changed, conflicted or failed. */
final class BulkSummaryDialog {

    private final Dialog<ButtonType> dialog = new Dialog<>();

    BulkSummaryDialog(Window owner, BulkSummary summary) {
        dialog.getDialogPane().setId("bulkSummary");
        dialog.setTitle(summary.edit().kind().label() + ": what happened");
        dialog.setHeaderText(summary.headline());
        TableView<BulkOutcome> table = new TableView<>();
        table.setId("bulkOutcomes");
        table.getItems().setAll(summary.outcomes());
        table.getColumns().add(TextColumn.of("Movie", BulkOutcome::title, 220));
        table.getColumns().add(TextColumn.of("Result", outcome -> outcome.result().label(), 90));
        table.getColumns().add(TextColumn.of("What", BulkOutcome::detail, 380));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(Math.min(420, 60 + 26 * summary.outcomes().size()));
        table.setPrefWidth(700);
        dialog.getDialogPane().setContent(table);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK);
        AdminStyles.on(dialog.getDialogPane());
        Windows.fit(dialog, owner);
    }


    void show() {
        dialog.show();
    }
}
