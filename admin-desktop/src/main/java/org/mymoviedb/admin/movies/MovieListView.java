package org.mymoviedb.admin.movies;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.beans.binding.Bindings;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.api.MovieQuery.MovieOrder;
import org.mymoviedb.admin.shell.SafeConfirmation;

/**
 * The movie list: search, filters, a virtualized table paged on scroll, and beside it a panel about the one
 * selected movie (its history), told of each selection.
 */
public final class MovieListView {

    /** Opens the movie form: for a new movie when given null. */
    public interface MovieEditor {
        void edit(Movie movie);
    }

    private final MovieListViewModel model;
    private final BorderPane root = new BorderPane();
    private final TextField search = new TextField();
    private final TableView<Movie> table = new TableView<>();
    private final MovieEditor editor;
    /** The buttons under the table; they wrap onto a second line in a narrow window. */
    private final FlowPane actions;

    /**
     * @param beside the panel right of the table
     * @param onSingleSelection gets the selected movie whenever exactly one is selected, else null
     */
    public MovieListView(MovieListViewModel model, Node beside, Consumer<Movie> onSingleSelection,
                         MovieEditor editor) {
        this.model = model;
        this.editor = editor;

        search.setId("search");
        search.setPromptText("Search titles and directors (Ctrl+F)");
        search.setPrefColumnCount(18);
        search.textProperty().bindBidirectional(model.search());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                search.clear();
            }
        });
        ComboBox<String> genre = new ComboBox<>(model.genreNames());
        genre.setId("genreFilter");
        genre.setPromptText("Any genre");
        genre.valueProperty().bindBidirectional(model.genre());
        TextField director = filterField("directorFilter", "Director", 10, model.director());
        CheckBox noDirector = lacking("noDirector", "No director", model.noDirector());
        CheckBox noRating = lacking("noRating", "No rating", model.noRating());
        CheckBox noRuntime = lacking("noRuntime", "No runtime", model.noRuntime());
        Button clear = new Button("Clear");
        clear.setId("clearFilters");
        clear.setOnAction(e -> model.clearFilters());
        // Each group keeps its label beside its boxes; the groups wrap onto a second line in a narrow window
        // instead of squeezing every label into "...".
        FlowPane filters = new FlowPane(10, 6, search, genre, director,
                group(new Label("Year"), filterField("yearFrom", "from", 4, model.yearFrom()),
                        filterField("yearTo", "to", 4, model.yearTo())),
                group(new Label("Rating"), filterField("ratingFrom", "min", 3, model.ratingFrom()),
                        filterField("ratingTo", "max", 3, model.ratingTo())),
                group(noDirector, noRating, noRuntime), clear);
        filters.setId("filterBar");
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPadding(new Insets(8));
        Label filterProblem = new Label();
        filterProblem.setId("filterProblem");
        filterProblem.getStyleClass().add("error-message");
        filterProblem.textProperty().bind(model.filterProblem());
        filterProblem.visibleProperty().bind(model.filterProblem().isNotEmpty());
        filterProblem.managedProperty().bind(filterProblem.visibleProperty());
        VBox top = new VBox(filters, filterProblem);
        VBox.setMargin(filterProblem, new Insets(0, 8, 6, 8));

        // Typing in any filter waits for a pause before asking the server, so a word is one query, not five.
        PauseTransition debounce = new PauseTransition(Duration.millis(300));
        debounce.setOnFinished(e -> model.reload());
        for (var property : List.<javafx.beans.value.ObservableValue<?>>of(model.search(), model.genre(),
                model.director(), model.yearFrom(), model.yearTo(), model.ratingFrom(), model.ratingTo(),
                model.noDirector(), model.noRating(), model.noRuntime())) {
            property.addListener((obs, old, value) -> debounce.playFromStart());
        }

        buildTable();

        Button add = new Button("Add movie");
        add.setId("addMovie");
        add.setOnAction(e -> editor.edit(null));
        Button edit = new Button("Change");
        edit.setId("editMovie");
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> editSelected());
        Button delete = new Button("Delete selected");
        delete.setId("deleteSelected");
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> deleteSelected());
        Button more = new Button("Load more");
        more.setId("loadMore");
        more.visibleProperty().bind(model.hasMore());
        more.setOnAction(e -> model.loadMore());
        Label count = new Label();
        count.setId("totalCount");
        count.textProperty().bind(Bindings.createStringBinding(model::countText, model.totalCount(),
                model.movies(), model.loading()));
        count.setMinWidth(Region.USE_PREF_SIZE);
        actions = new FlowPane(8, 6, add, edit, delete);
        actions.setAlignment(Pos.CENTER_LEFT);
        HBox counted = new HBox(8, count, more);
        counted.setAlignment(Pos.CENTER_RIGHT);
        counted.setMinWidth(Region.USE_PREF_SIZE);
        BorderPane bottom = new BorderPane(actions);
        bottom.setRight(counted);
        BorderPane.setMargin(counted, new Insets(0, 0, 0, 8));
        bottom.setPadding(new Insets(8));

        table.getSelectionModel().selectedItemProperty().addListener((obs, old, movie) ->
                onSingleSelection.accept(table.getSelectionModel().getSelectedItems().size() == 1 ? movie : null));

        SplitPane split = new SplitPane(table, beside);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.68);
        // Neither side shrinks past readable: the history keeps room for a date, a user and a change.
        table.setMinWidth(360);
        if (beside instanceof Region panel) {
            panel.setMinWidth(240);
        }
        root.setTop(top);
        root.setCenter(split);
        root.setBottom(bottom);
    }

    private static HBox group(Node... nodes) {
        HBox group = new HBox(6, nodes);
        group.setAlignment(Pos.CENTER_LEFT);
        for (Node node : nodes) {
            if (node instanceof Label label) {
                label.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return group;
    }

    /**
     * Shows a saved movie in place: the list keeps its scroll position and selection; a movie it did not hold
     * (a new one) reloads it.
     */
    public void showSaved(Movie saved) {
        keepingSelection(() -> {
            if (!model.replace(saved)) {
                model.reload();
            }
        });
    }

    /** Runs {@code change} to the rows, then selects the same movies again wherever they now stand. */
    public void keepingSelection(Runnable change) {
        List<String> selected = table.getSelectionModel().getSelectedItems().stream().map(Movie::id).toList();
        change.run();
        if (selected.equals(table.getSelectionModel().getSelectedItems().stream().map(Movie::id).toList())) {
            return;
        }
        table.getSelectionModel().clearSelection();
        for (int i = 0; i < model.movies().size(); i++) {
            if (selected.contains(model.movies().get(i).id())) {
                table.getSelectionModel().select(i);
            }
        }
    }

    /** Puts more buttons after the list's own (delete), before the count. */
    public void addActions(Node... more) {
        actions.getChildren().addAll(actions.getChildren().indexOf(actions.getChildren().stream()
                .filter(node -> "deleteSelected".equals(node.getId())).findFirst().orElseThrow()) + 1, List.of(more));
    }

    private static CheckBox lacking(String id, String label, javafx.beans.property.BooleanProperty property) {
        CheckBox box = new CheckBox(label);
        box.setId(id);
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.selectedProperty().bindBidirectional(property);
        return box;
    }

    private static TextField filterField(String id, String prompt, int columns, StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(columns);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private void buildTable() {
        table.setId("movieTable");
        table.setItems(model.movies());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.setId("tablePlaceholder");
        placeholder.textProperty().bind(Bindings.when(model.loading()).then("Loading…").otherwise("No movies match"));
        table.setPlaceholder(placeholder);
        // The header's menu button lists the columns, each with a check box: the column chooser.
        table.setTableMenuButtonVisible(true);

        TableColumn<Movie, String> title = column("Title", "TITLE", m -> m.title());
        title.setPrefWidth(260);
        // The full date: two "The Godfather" of the same year are told apart.
        TableColumn<Movie, String> year = column("Released", "RELEASE_DATE", Movie::releaseDate);
        year.setPrefWidth(100);
        TableColumn<Movie, Integer> rating = column("Rating", "RATING", Movie::rating);
        TableColumn<Movie, String> runtime = column("Runtime", "RUNTIME",
                m -> m.runtimeMinutes() == null ? "" : m.runtimeMinutes() + " min");
        TableColumn<Movie, String> genres = column("Genres", null, m -> String.join(", ", m.genreNames()));
        TableColumn<Movie, String> directors = column("Directors", null, m -> String.join(", ", m.directorNames()));
        TableColumn<Movie, String> changed = column("Changed", "UPDATED_AT", m -> localTime(m.updatedAt()));
        changed.setPrefWidth(130);
        table.getColumns().addAll(List.of(title, year, rating, runtime, genres, directors, changed));

        // The server sorts: clicking a header asks for the first page in that order instead of sorting one page.
        table.setSortPolicy(t -> {
            List<MovieOrder> order = new ArrayList<>();
            for (TableColumn<Movie, ?> column : t.getSortOrder()) {
                order.add(new MovieOrder((String) column.getUserData(),
                        column.getSortType() == TableColumn.SortType.DESCENDING));
            }
            model.orderBy(order);
            return true;
        });

        table.setRowFactory(t -> {
            TableRow<Movie> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    editor.edit(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                deleteSelected();
            } else if (e.getCode() == KeyCode.ENTER) {
                editSelected();
            }
        });

        // Page on scroll: when the last rows come into view, fetch the next page.
        table.skinProperty().addListener((obs, old, skin) -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
            if (flow != null) {
                flow.positionProperty().addListener((o, before, position) -> {
                    if (position.doubleValue() > 0.9) {
                        model.loadMore();
                    }
                });
            }
        });
    }

    private static <T> TableColumn<Movie, T> column(String name, String orderField,
                                                     java.util.function.Function<Movie, T> value) {
        TableColumn<Movie, T> column = new TableColumn<>(name);
        column.setId("column" + name);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setUserData(orderField);
        column.setSortable(orderField != null);
        return column;
    }

    /** An instant as every screen shows one: this computer's time, to the minute; "" when unknown. */
    private static String localTime(String instant) {
        return instant == null ? "" : java.time.OffsetDateTime.parse(instant)
                .atZoneSameInstant(java.time.ZoneId.systemDefault())
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }

    private void editSelected() {
        Movie movie = table.getSelectionModel().getSelectedItem();
        if (movie != null) {
            editor.edit(movie);
        }
    }

    /** Asks first, naming what goes; then deletes all of it or nothing. */
    public void deleteSelected() {
        List<Movie> doomed = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (doomed.isEmpty()) {
            return;
        }
        String names = doomed.stream().limit(10).map(m -> "• " + m.title() + " (" + m.releaseYear() + ")")
                .collect(Collectors.joining("\n"));
        if (doomed.size() > 10) {
            names += "\n… and " + (doomed.size() - 10) + " more";
        }
        String header = "Delete " + (doomed.size() == 1 ? "this movie" : "these " + doomed.size() + " movies")
                + "? Their history stays.";
        // Enter and Esc keep the movies: deleting takes a deliberate click on the delete button.
        if (new SafeConfirmation(root.getScene().getWindow(), "confirmDelete", header, names,
                "Delete " + doomed.size(), "Cancel").confirmed()) {
            model.delete(doomed, () -> table.getSelectionModel().clearSelection());
        }
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    public TableView<Movie> table() {
        return table;
    }

    public Node root() {
        return root;
    }
}
