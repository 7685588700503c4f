package org.mymoviedb.admin.movies.csvimport;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.mymoviedb.admin.api.ImportReport.Rejection;
import org.mymoviedb.admin.shell.AdminStyles;
import org.mymoviedb.admin.shell.TextColumn;
import org.mymoviedb.admin.shell.FileChoice;
import org.mymoviedb.admin.shell.Windows;

/**
 * "Import CSV…": choose a file, try it (a dry run) or import it, and read the server's report: the counts, then
 * every rejected row with its line, title and reason.
 */
public final class CsvImportDialog {

    private final Stage stage = new Stage();

    /** @param chooser where the file comes from (the platform's chooser, or a test's fixed path) */
    public CsvImportDialog(Window owner, CsvImportViewModel model, FileChoice chooser) {
        Button choose = new Button("Choose CSV file…");
        choose.setId("importChoose");
        choose.setOnAction(e -> {
            var path = chooser.open(stage, "Import movies from CSV");
            if (path != null) {
                model.file().set(path);
            }
        });
        Label chosen = new Label();
        chosen.setId("importFile");
        chosen.textProperty().bind(Bindings.createStringBinding(() -> model.file().get() == null
                ? "No file chosen" : model.file().get().toString(), model.file()));
        HBox fileRow = new HBox(8, choose, chosen);
        fileRow.setAlignment(Pos.CENTER_LEFT);

        Label format = new Label("Header: title,releaseDate,rating,runtimeMinutes,genres,directors (only title is "
                + "required); genres and directors separated by ;, dates as 1999-03-31. The whole file is one "
                + "transaction; rows already in the catalogue only get what they lack.");
        format.setWrapText(true);
        format.setMaxWidth(620);

        Label headline = new Label();
        headline.setId("importSummary");
        headline.setWrapText(true);
        headline.textProperty().bind(Bindings.createStringBinding(() -> model.report().get() == null ? ""
                : CsvImportViewModel.headline(model.report().get()), model.report()));
        Label problem = new Label();
        problem.setId("importProblem");
        problem.getStyleClass().add("error-message");
        problem.setWrapText(true);
        problem.setMaxWidth(620);
        problem.textProperty().bind(model.problem());
        problem.visibleProperty().bind(model.problem().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        TableView<Rejection> rejections = new TableView<>();
        rejections.setId("importRejections");
        rejections.setPlaceholder(new Label("No row rejected"));
        rejections.getColumns().add(TextColumn.of("Line", Rejection::label, 80));
        rejections.getColumns().add(TextColumn.of("Title", r -> r.title() == null ? "(no title)" : r.title(), 200));
        rejections.getColumns().add(TextColumn.of("Reason", Rejection::reason, 340));
        rejections.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        rejections.setPrefSize(640, 220);
        model.report().addListener((obs, old, report) -> rejections.getItems().setAll(
                report == null ? java.util.List.of() : report.rejections()));
        VBox.setVgrow(rejections, Priority.ALWAYS);

        Button check = new Button("Check (dry run)");
        check.setId("importCheck");
        check.disableProperty().bind(model.file().isNull().or(model.running()));
        check.setOnAction(e -> model.check());
        Button run = new Button("Import");
        run.setId("importRun");
        run.disableProperty().bind(model.file().isNull().or(model.running()));
        run.setOnAction(e -> model.importFile());
        Button close = new Button("Close");
        close.setId("importClose");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(8, check, run, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(10, fileRow, format, headline, problem, rejections, buttons);
        root.setId("importDialog");
        root.setPadding(new Insets(14));
        stage.initOwner(owner);
        stage.setTitle("Import movies from CSV");
        stage.setScene(AdminStyles.on(new Scene(root)));
    }

    public void show() {
        Windows.showOver(stage, stage.getOwner());
    }
}
