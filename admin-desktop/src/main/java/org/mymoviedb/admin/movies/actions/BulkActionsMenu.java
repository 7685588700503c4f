package org.mymoviedb.admin.movies.actions;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.movies.actions.BulkEdit.Kind;

/**
 * "Actions on selected": add a genre to, remove a genre from, or set the director of the movies selected in the
 * table; one question first, then a summary of what happened to each movie.
 */
public final class BulkActionsMenu {

    private final HBox root;

    /**
     * @param genres every genre's name, to offer when adding one
     * @param changed gets the movies as the server has them after the action, to show in place
     */
    public BulkActionsMenu(BulkActionsViewModel model, TableView<Movie> table, Supplier<List<String>> genres,
                           Consumer<List<Movie>> changed) {
        MenuButton menu = new MenuButton("Actions on selected");
        menu.setId("bulkActions");
        ObservableList<Movie> selected = table.getSelectionModel().getSelectedItems();
        menu.disableProperty().bind(Bindings.isEmpty(selected).or(model.running()));
        for (Kind kind : Kind.values()) {
            MenuItem item = new MenuItem(kind.label() + "…");
            item.setId(switch (kind) {
                case ADD_GENRE -> "addGenreAction";
                case REMOVE_GENRE -> "removeGenreAction";
                case SET_DIRECTOR -> "setDirectorAction";
            });
            item.setOnAction(e -> {
                List<Movie> movies = List.copyOf(selected);
                new BulkEditDialog(table.getScene().getWindow(), kind, movies, suggestions(kind, movies, genres))
                        .ask().ifPresent(edit -> model.apply(edit, movies, summary -> {
                            changed.accept(summary.outcomes().stream().map(BulkOutcome::now)
                                    .filter(java.util.Objects::nonNull).toList());
                            new BulkSummaryDialog(table.getScene().getWindow(), summary).show();
                        }));
            });
            menu.getItems().add(item);
        }
        Label progress = new Label();
        progress.setId("bulkProgress");
        progress.textProperty().bind(Bindings.createStringBinding(() -> String.format("%,d of %,d done",
                model.done().get(), model.total().get()), model.done(), model.total()));
        progress.visibleProperty().bind(model.running());
        progress.managedProperty().bind(progress.visibleProperty());
        root = new HBox(8, menu, progress);
        root.setAlignment(Pos.CENTER_LEFT);
    }

    private static List<String> suggestions(Kind kind, List<Movie> movies, Supplier<List<String>> genres) {
        Set<String> names = new LinkedHashSet<>();
        switch (kind) {
            case ADD_GENRE -> names.addAll(genres.get());
            case REMOVE_GENRE -> movies.forEach(movie -> names.addAll(movie.genreNames()));
            case SET_DIRECTOR -> movies.forEach(movie -> names.addAll(movie.directorNames()));
        }
        return names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    public Node root() {
        return root;
    }
}
