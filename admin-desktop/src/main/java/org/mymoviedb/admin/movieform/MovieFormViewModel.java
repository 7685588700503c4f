package org.mymoviedb.admin.movieform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.api.MovieDraft;
import org.mymoviedb.admin.api.MovieSaved;
import org.mymoviedb.admin.api.UserError;
import org.mymoviedb.admin.shell.Background;

/**
 * The movie form's state: what the editor typed, an error per field (from the obvious checks here and from the
 * server's userErrors), whether anything is unsaved, and a pending conflict with the movie as it is now.
 */
public final class MovieFormViewModel {

    /** The fields errors can be shown on; "form" is for errors that concern the whole movie. */
    public static final List<String> FIELDS = List.of("title", "releaseDate", "rating", "runtimeMinutes",
            "genres", "directors", "form");
    static final int MAX_TITLE_LENGTH = 512;
    static final int MAX_RUNTIME_MINUTES = 1500;

    /** The server answered CONFLICT: the editor's values and the movie as someone else left it. */
    public record Conflict(MovieDraft mine, Movie current) {
    }

    /** The form's contents as text, to tell whether anything changed since it was loaded. */
    private record Contents(String title, String releaseDate, String rating, String runtime,
                            List<String> genres, List<String> directors) {
    }

    private final CatalogueClient client;
    private final Background background;
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty releaseDate = new SimpleStringProperty("");
    private final StringProperty rating = new SimpleStringProperty("");
    private final StringProperty runtime = new SimpleStringProperty("");
    private final ObservableList<String> genres = FXCollections.observableArrayList();
    private final ObservableList<String> directors = FXCollections.observableArrayList();
    private final Map<String, StringProperty> errors = new LinkedHashMap<>();
    private final ObjectProperty<Conflict> conflict = new SimpleObjectProperty<>();
    private final BooleanProperty saving = new SimpleBooleanProperty(false);
    private final ObjectProperty<Movie> editing = new SimpleObjectProperty<>();
    private final ObjectProperty<Contents> loaded = new SimpleObjectProperty<>();
    private final BooleanBinding dirty;
    private int version;

    public MovieFormViewModel(CatalogueClient client, Background background) {
        this.client = client;
        this.background = background;
        for (String field : FIELDS) {
            errors.put(field, new SimpleStringProperty(""));
        }
        dirty = Bindings.createBooleanBinding(() -> !contents().equals(loaded.get()),
                title, releaseDate, rating, runtime, genres, directors, loaded);
        load(null);
    }

    /** Fills the form with {@code movie}, or empties it for a new one. */
    public void load(Movie movie) {
        editing.set(movie);
        title.set(movie == null ? "" : movie.title());
        releaseDate.set(movie == null ? "" : movie.releaseDate());
        rating.set(movie == null || movie.rating() == null ? "" : movie.rating().toString());
        runtime.set(movie == null || movie.runtimeMinutes() == null ? "" : movie.runtimeMinutes().toString());
        genres.setAll(movie == null ? List.of() : movie.genreNames());
        directors.setAll(movie == null ? List.of() : movie.directorNames());
        version = movie == null ? 0 : movie.version();
        errors.values().forEach(error -> error.set(""));
        conflict.set(null);
        loaded.set(contents());
    }

    private Contents contents() {
        return new Contents(title.get(), releaseDate.get(), rating.get(), runtime.get(), List.copyOf(genres),
                List.copyOf(directors));
    }

    /**
     * Checks what can be checked here, then creates or updates; {@code onSaved} gets the saved movie. Server
     * userErrors land on their fields, and a CONFLICT becomes {@link #conflict()} with the typed values kept.
     */
    public void save(Consumer<Movie> onSaved) {
        MovieDraft draft = validate();
        if (draft == null) {
            return;
        }
        Movie movie = editing.get();
        int expected = version;
        saving.set(true);
        background.run(() -> movie == null ? client.createMovie(draft) : client.updateMovie(movie.id(), expected, draft),
                result -> answered(result, draft, onSaved));
    }

    private void answered(MovieSaved result, MovieDraft draft, Consumer<Movie> onSaved) {
        saving.set(false);
        if (result.conflict() && result.current() != null) {
            // Cleared first: a second identical conflict must still be announced.
            conflict.set(null);
            conflict.set(new Conflict(draft, result.current()));
            return;
        }
        if (!result.userErrors().isEmpty()) {
            for (UserError error : result.userErrors()) {
                String field = FIELDS.contains(error.inputField()) ? error.inputField() : "form";
                StringProperty shown = errors.get(field);
                shown.set(shown.get().isEmpty() ? error.message() : shown.get() + "; " + error.message());
            }
            return;
        }
        load(result.movie());
        onSaved.accept(result.movie());
    }

    /** Keeps the editor's values and saves them over the current movie: a deliberate overwrite. */
    public void overwrite(Consumer<Movie> onSaved) {
        Conflict pending = conflict.get();
        if (pending != null) {
            version = pending.current().version();
            conflict.set(null);
            save(onSaved);
        }
    }

    /** Drops the editor's values for the movie as it is now. */
    public void reloadCurrent() {
        Conflict pending = conflict.get();
        if (pending != null) {
            load(pending.current());
        }
    }

    /** The draft if every field passes the obvious checks; else null, with each problem on its field. */
    MovieDraft validate() {
        errors.values().forEach(error -> error.set(""));
        String titleText = title.get() == null ? "" : title.get().strip();
        if (titleText.isEmpty()) {
            errors.get("title").set("A title is required");
        } else if (titleText.length() > MAX_TITLE_LENGTH) {
            errors.get("title").set("A title has at most " + MAX_TITLE_LENGTH + " characters");
        }
        String dateText = releaseDate.get() == null ? "" : releaseDate.get().strip();
        if (dateText.isEmpty()) {
            errors.get("releaseDate").set("A release date is required");
        } else {
            try {
                if (LocalDate.parse(dateText).getYear() < 1870) {
                    errors.get("releaseDate").set("Release dates start in 1870");
                }
            } catch (DateTimeParseException e) {
                errors.get("releaseDate").set("A date looks like 1999-03-31");
            }
        }
        Integer ratingValue = whole(rating, "rating", 0, 100, "A rating is 0 to 100");
        Integer runtimeValue = whole(runtime, "runtimeMinutes", 1, MAX_RUNTIME_MINUTES,
                "A runtime is 1 to " + MAX_RUNTIME_MINUTES + " minutes");
        if (errors.values().stream().anyMatch(error -> !error.get().isEmpty())) {
            return null;
        }
        return new MovieDraft(titleText, dateText, ratingValue, runtimeValue, List.copyOf(genres),
                List.copyOf(directors));
    }

    private Integer whole(StringProperty text, String field, int min, int max, String message) {
        String value = text.get() == null ? "" : text.get().strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through to the message, which says what is expected
        }
        errors.get(field).set(message);
        return null;
    }

    public StringProperty title() {
        return title;
    }

    public StringProperty releaseDate() {
        return releaseDate;
    }

    public StringProperty rating() {
        return rating;
    }

    public StringProperty runtime() {
        return runtime;
    }

    public ObservableList<String> genres() {
        return genres;
    }

    public ObservableList<String> directors() {
        return directors;
    }

    public StringProperty error(String field) {
        return errors.get(field);
    }

    public ObjectProperty<Conflict> conflict() {
        return conflict;
    }

    public BooleanProperty saving() {
        return saving;
    }

    public ObjectProperty<Movie> editing() {
        return editing;
    }

    public BooleanBinding dirty() {
        return dirty;
    }
}
