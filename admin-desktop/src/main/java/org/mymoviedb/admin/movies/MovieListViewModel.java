package org.mymoviedb.admin.movies;

import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.api.MoviePage;
import org.mymoviedb.admin.api.MovieQuery;
import org.mymoviedb.admin.api.MovieQuery.MovieOrder;
import org.mymoviedb.admin.api.NamedRef;
import org.mymoviedb.admin.api.UserError;
import org.mymoviedb.admin.shell.Background;
import org.mymoviedb.admin.shell.LatestOnly;

/**
 * The movie list: search and filters as properties, the loaded pages as one growing list. Pages are fetched by
 * cursor as the editor scrolls, so the whole catalogue is reachable without ever loading it all.
 */
public final class MovieListViewModel {

    static final int PAGE_SIZE = 100;

    private final CatalogueClient client;
    private final Background background;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<String> genre = new SimpleObjectProperty<>();
    private final StringProperty director = new SimpleStringProperty("");
    private final StringProperty yearFrom = new SimpleStringProperty("");
    private final StringProperty yearTo = new SimpleStringProperty("");
    private final StringProperty ratingFrom = new SimpleStringProperty("");
    private final StringProperty ratingTo = new SimpleStringProperty("");
    private final ObservableList<Movie> movies = FXCollections.observableArrayList();
    private final ObservableList<String> genreNames = FXCollections.observableArrayList();
    private final IntegerProperty totalCount = new SimpleIntegerProperty();
    private final BooleanProperty hasMore = new SimpleBooleanProperty(false);
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private List<MovieOrder> orderBy = List.of();
    private String endCursor;
    /** A slow answer to an older query never lands in the list. */
    private final LatestOnly latest = new LatestOnly();

    public MovieListViewModel(CatalogueClient client, Background background) {
        this.client = client;
        this.background = background;
    }

    /** Reads the first page afresh for the current search, filters and order. */
    public void reload() {
        MovieQuery query = query();
        loading.set(true);
        background.run(() -> client.movies(query, PAGE_SIZE, null), latest.newest(page -> accept(page, true)));
    }

    /** Appends the next page, if there is one and none is on its way. */
    public void loadMore() {
        if (!hasMore.get() || loading.get()) {
            return;
        }
        MovieQuery query = query();
        String after = endCursor;
        loading.set(true);
        background.run(() -> client.movies(query, PAGE_SIZE, after), latest.continuing(page -> accept(page, false)));
    }

    private void accept(MoviePage page, boolean firstPage) {
        // The count before the rows: whoever sees the rows change reads the count that goes with them.
        totalCount.set(page.totalCount());
        if (firstPage) {
            movies.setAll(page.movies());
        } else {
            movies.addAll(page.movies());
        }
        hasMore.set(page.hasNextPage());
        endCursor = page.endCursor();
        loading.set(false);
    }

    public void loadGenres() {
        background.run(client::genres, genres -> genreNames.setAll(genres.stream().map(NamedRef::name).toList()));
    }

    public void orderBy(List<MovieOrder> order) {
        if (!order.equals(orderBy)) {
            orderBy = List.copyOf(order);
            reload();
        }
    }

    public void clearFilters() {
        search.set("");
        genre.set(null);
        director.set("");
        yearFrom.set("");
        yearTo.set("");
        ratingFrom.set("");
        ratingTo.set("");
    }

    /**
     * Deletes all the given movies, at the versions the list showed, or none; then shows the list as it now is.
     * If someone changed one of them meanwhile, nothing goes and the editor is told which ones changed.
     */
    public void delete(List<Movie> doomed, Runnable afterwards) {
        background.run(() -> client.deleteMovies(doomed), answer -> {
            if (answer.conflict()) {
                background.problem().set(new Background.Problem(changedMessage(answer.changed()), null));
            } else if (!answer.userErrors().isEmpty()) {
                background.problem().set(new Background.Problem(answer.userErrors().stream()
                        .map(UserError::message).collect(Collectors.joining("; ")), null));
            }
            reload();
            afterwards.run();
        });
    }

    /** Names the movies that changed, as they are called now, and what to do. */
    static String changedMessage(List<Movie> changed) {
        String names = changed.stream().map(m -> "\"" + m.title() + "\"").collect(Collectors.joining(", "));
        return "Nothing was deleted: someone else changed " + names + " since the list showed "
                + (changed.size() == 1 ? "it" : "them") + ". The list now shows the current versions; "
                + "check them, then delete again.";
    }

    MovieQuery query() {
        return new MovieQuery(search.get(), genre.get(), director.get(), number(yearFrom), number(yearTo),
                number(ratingFrom), number(ratingTo), orderBy);
    }

    /** A filter box's number, or null (no bound) while it is empty or not a number yet. */
    static Integer number(StringProperty text) {
        String value = text.get() == null ? "" : text.get().strip();
        if (!value.matches("\\d{1,4}")) {
            return null;
        }
        return Integer.valueOf(value);
    }

    public StringProperty search() {
        return search;
    }

    public ObjectProperty<String> genre() {
        return genre;
    }

    public StringProperty director() {
        return director;
    }

    public StringProperty yearFrom() {
        return yearFrom;
    }

    public StringProperty yearTo() {
        return yearTo;
    }

    public StringProperty ratingFrom() {
        return ratingFrom;
    }

    public StringProperty ratingTo() {
        return ratingTo;
    }

    public ObservableList<Movie> movies() {
        return movies;
    }

    public ObservableList<String> genreNames() {
        return genreNames;
    }

    public IntegerProperty totalCount() {
        return totalCount;
    }

    public BooleanProperty hasMore() {
        return hasMore;
    }

    public BooleanProperty loading() {
        return loading;
    }
}
