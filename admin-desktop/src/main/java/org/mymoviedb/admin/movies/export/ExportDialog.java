package org.mymoviedb.admin.movies.export;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.mymoviedb.admin.shell.AdminStyles;
import org.mymoviedb.admin.shell.Windows;

/** A running export over its window: how many movies are written of how many, Cancel, then what came of it. */
public final class ExportDialog {

    private final Stage stage = new Stage();

    public ExportDialog(Window owner, ExportViewModel model, String fileName) {
        ProgressBar bar = new ProgressBar(0);
        bar.setId("exportBar");
        bar.setPrefWidth(360);
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> model.total().get() == 0
                ? ProgressBar.INDETERMINATE_PROGRESS : (double) model.written().get() / model.total().get(),
                model.written(), model.total()));
        Label count = new Label();
        count.setId("exportCount");
        count.textProperty().bind(Bindings.createStringBinding(model::progressText, model.written(), model.total()));
        Label outcome = new Label();
        outcome.setId("exportOutcome");
        outcome.setWrapText(true);
        outcome.setMaxWidth(420);
        outcome.textProperty().bind(model.outcome());
        Button cancel = new Button("Cancel");
        cancel.setId("exportCancel");
        cancel.setCancelButton(true);
        cancel.visibleProperty().bind(model.running());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> model.cancel());
        Button close = new Button("Close");
        close.setId("exportClose");
        close.setDefaultButton(true);
        close.visibleProperty().bind(model.running().not());
        close.managedProperty().bind(close.visibleProperty());
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(8, cancel, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(10, new Label("Exporting to " + fileName), bar, count, outcome, buttons);
        root.setId("exportProgress");
        root.setPadding(new Insets(14));
        // Closing the window stops the export too: nothing keeps writing unseen.
        stage.setOnHidden(e -> model.cancel());
        stage.initOwner(owner);
        stage.setTitle("Export CSV");
        stage.setScene(AdminStyles.on(new Scene(root)));
    }

    public void show() {
        Windows.showOver(stage, stage.getOwner());
    }
}
