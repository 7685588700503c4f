package org.mymoviedb.admin.movies;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.movies.actions.BulkActionsMenu;
import org.mymoviedb.admin.movies.actions.BulkActionsViewModel;
import org.mymoviedb.admin.movies.csvimport.CsvImportDialog;
import org.mymoviedb.admin.movies.csvimport.CsvImportViewModel;
import org.mymoviedb.admin.movies.export.ExportDialog;
import org.mymoviedb.admin.movies.export.ExportViewModel;
import org.mymoviedb.admin.shell.AdminSettings;
import org.mymoviedb.admin.shell.Background;
import org.mymoviedb.admin.shell.FileChoice;

/**
 * What the movie list offers beyond browsing, as Django's admin does: actions on the selected movies, CSV export
 * of the current filter and order, CSV import through the server, and the column chooser remembered between runs.
 */
public final class MovieListTools {

    private final MovieListView view;

    public MovieListTools(CatalogueClient client, Background background, MovieListViewModel model,
                          MovieListView view, AdminSettings settings) {
        this.view = view;
        BulkActionsMenu bulk = new BulkActionsMenu(new BulkActionsViewModel(client, background), view.table(),
                () -> model.genreNames().stream().filter(name -> !MovieListViewModel.ANY_GENRE.equals(name)).toList(),
                this::showChanged);

        ExportViewModel export = new ExportViewModel(client, background);
        Button exportButton = new Button("Export CSV…");
        exportButton.setId("exportCsv");
        exportButton.disableProperty().bind(export.running());
        exportButton.setOnAction(e -> {
            Path target = FileChoice.of(exportButton).save(window(), "Export movies to CSV", "movies.csv");
            if (target != null) {
                new ExportDialog(window(), export, target.getFileName().toString()).show();
                export.start(model.query(), target);
            }
        });

        Button importButton = new Button("Import CSV…");
        importButton.setId("importCsv");
        importButton.setOnAction(e -> new CsvImportDialog(window(), new CsvImportViewModel(client, background,
                () -> {
                    model.reload();
                    model.loadGenres();
                }), FileChoice.of(importButton)).show());

        view.addActions(bulk.root(), exportButton, importButton);
        rememberColumns(settings);
    }

    /** The movies an action changed, shown where they stand; the list keeps its place and selection. */
    private void showChanged(List<Movie> changed) {
        changed.forEach(view::showSaved);
    }

    /** The column chooser (the header's menu button) hides and shows columns; the choice outlives the window. */
    private void rememberColumns(AdminSettings settings) {
        Set<String> hidden = settings.hiddenColumns();
        for (TableColumn<Movie, ?> column : view.table().getColumns()) {
            column.setVisible(!hidden.contains(column.getId()));
            column.visibleProperty().addListener((obs, was, visible) -> {
                Set<String> now = new HashSet<>();
                view.table().getColumns().stream().filter(c -> !c.isVisible()).forEach(c -> now.add(c.getId()));
                settings.hiddenColumns(now);
            });
        }
    }

    private javafx.stage.Window window() {
        return view.table().getScene().getWindow();
    }
}
