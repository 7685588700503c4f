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
    /** The genre filter's first choice: no genre filter at all. */
    public static final String ANY_GENRE = "Any genre";

    private final CatalogueClient client;
    private final Background background;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<String> genre = new SimpleObjectProperty<>();
    private final StringProperty director = new SimpleStringProperty("");
    private final StringProperty yearFrom = new SimpleStringProperty("");
    private final StringProperty yearTo = new SimpleStringProperty("");
    private final StringProperty ratingFrom = new SimpleStringProperty("");
    private final StringProperty ratingTo = new SimpleStringProperty("");
    private final BooleanProperty noDirector = new SimpleBooleanProperty(false);
    private final BooleanProperty noRating = new SimpleBooleanProperty(false);
    private final BooleanProperty noRuntime = new SimpleBooleanProperty(false);
    private final ObservableList<Movie> movies = FXCollections.observableArrayList();
    private final ObservableList<String> genreNames = FXCollections.observableArrayList(ANY_GENRE);
    private final StringProperty filterProblem = new SimpleStringProperty("");
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
        for (StringProperty box : List.of(yearFrom, yearTo, ratingFrom, ratingTo)) {
            box.addListener((obs, old, typed) -> filterProblem.set(describeFilterProblems()));
        }
    }

    /** Reads the first page afresh for the current search, filters and order. */
    public void reload() {
        MovieQuery query = query();
        loading.set(true);
        background.run(() -> client.movies(query, PAGE_SIZE, null), latest.newest(page -> accept(page, true)),
                latest.continuing(() -> loading.set(false)), this::reload);
    }

    /** Appends the next page, if there is one and none is on its way. */
    public void loadMore() {
        if (!hasMore.get() || loading.get()) {
            return;
        }
        MovieQuery query = query();
        String after = endCursor;
        loading.set(true);
        background.run(() -> client.movies(query, PAGE_SIZE, after), latest.continuing(page -> accept(page, false)),
                latest.continuing(() -> loading.set(false)), this::reload);
    }

    private void accept(MoviePage page, boolean firstPage) {
        // The count before the rows: whoever sees the rows change reads the count that goes with them.
        totalCount.set(page.totalCount());
        if (firstPage) {
            movies.setAll(page.movies());
        } else {
            // A row another editor's change put in the list already (LiveRows) is not shown twice.
            java.util.Set<String> shown = movies.stream().map(Movie::id).collect(Collectors.toSet());
            movies.addAll(page.movies().stream().filter(m -> !shown.contains(m.id())).toList());
        }
        hasMore.set(page.hasNextPage());
        endCursor = page.endCursor();
        loading.set(false);
    }

    public void loadGenres() {
        background.run(client::genres, genres -> {
            List<String> names = genres.stream().map(NamedRef::name).toList();
            String chosen = genre.get();
            genreNames.setAll(ANY_GENRE);
            genreNames.addAll(names);
            // A genre renamed or deleted in the Genres tab no longer filters the list under its old name.
            if (chosen != null && !genreNames.contains(chosen)) {
                genre.set(null);
            }
        });
    }

    /**
     * Shows a saved movie where it stands in the list, keeping the editor's place, when the list holds it; true
     * then. A movie the list does not hold (a new one) needs a reload.
     */
    public boolean replace(Movie saved) {
        for (int i = 0; i < movies.size(); i++) {
            if (movies.get(i).id().equals(saved.id())) {
                movies.set(i, saved);
                return true;
            }
        }
        return false;
    }

    /** What the count line says: loading while the first page is on its way, never "0 movies" then. */
    public String countText() {
        if (loading.get() && movies.isEmpty()) {
            return "Loading…";
        }
        return counted(totalCount.get(), movies.size());
    }

    /** "1 movie", "3,191 movies, 100 loaded": one format for every count. */
    static String counted(int total, int loaded) {
        if (total == 1) {
            return "1 movie";
        }
        String movies = String.format("%,d movies", total);
        return total == 0 ? movies : movies + String.format(", %,d loaded", loaded);
    }

    /** Why a year or rating box does not filter (it holds no number), or "" when every box is fine. */
    private String describeFilterProblems() {
        List<String> problems = new java.util.ArrayList<>();
        for (StringProperty box : List.of(yearFrom, yearTo)) {
            if (number(box) == null && box.get() != null && !box.get().isBlank()) {
                problems.add("“" + box.get().strip() + "” is not a year");
            }
        }
        for (StringProperty box : List.of(ratingFrom, ratingTo)) {
            if (number(box) == null && box.get() != null && !box.get().isBlank()) {
                problems.add("“" + box.get().strip() + "” is not a rating (0–100)");
            }
        }
        return String.join("; ", problems);
    }

    List<MovieOrder> orderBy() {
        return orderBy;
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
        noDirector.set(false);
        noRating.set(false);
        noRuntime.set(false);
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

    /**
     * What the list shows now: the search box matches titles and directors' names (the server's {@code search});
     * "no director / rating / runtime" ask for the movies that lack one.
     */
    public MovieQuery query() {
        String genreName = ANY_GENRE.equals(genre.get()) ? null : genre.get();
        return new MovieQuery(null, genreName, director.get(), number(yearFrom), number(yearTo),
                number(ratingFrom), number(ratingTo), orderBy, search.get(), lacking(noDirector),
                lacking(noRating), lacking(noRuntime));
    }

    /** A "no ..." box ticked asks for movies without it (has... false); unticked does not filter. */
    private static Boolean lacking(BooleanProperty box) {
        return box.get() ? Boolean.FALSE : null;
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

    public BooleanProperty noDirector() {
        return noDirector;
    }

    public BooleanProperty noRating() {
        return noRating;
    }

    public BooleanProperty noRuntime() {
        return noRuntime;
    }

    public ObservableList<Movie> movies() {
        return movies;
    }

    public ObservableList<String> genreNames() {
        return genreNames;
    }

    /** Says which year or rating box holds no number; "" when all do or are empty. */
    public StringProperty filterProblem() {
        return filterProblem;
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
