package org.mymoviedb.admin.movieform;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.HistoryEntry;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.api.MovieDraft;
import org.mymoviedb.admin.api.MovieField;
import org.mymoviedb.admin.api.MovieSaved;
import org.mymoviedb.admin.api.MoviesDeleted;
import org.mymoviedb.admin.api.UserError;
import org.mymoviedb.admin.shell.Background;
import org.mymoviedb.rules.MovieRuleSet;
import org.mymoviedb.rules.MovieViolation;

/**
 * The movie form's state: what the editor typed, an error per field (from the catalogue's rules, checked here, and
 * from the server's userErrors), whether anything is unsaved, and a pending conflict with the movie as it is now.
 */
public final class MovieFormViewModel {

    /** The fields errors can be shown on; "form" is for errors that concern the whole movie. */
    public static final List<String> FIELDS = List.of("title", "releaseDate", "rating", "runtimeMinutes",
            "genres", "directors", "form");

    /**
     * The server answered CONFLICT and both sides changed some fields to different values: the merge of the two
     * edits, the movie as it is now, and for each disputed field who changed it on the server side and when.
     */
    public record Conflict(MovieMerge merge, Movie current, List<Disagreement> disagreements) {
    }

    /** A field both sides changed: the last write that changed it on the server ({@code by}, {@code when}). */
    public record Disagreement(MovieField field, String by, String when) {
    }

    /** The form's contents as text, to tell whether anything changed since it was loaded. */
    private record Contents(String title, String releaseDate, String rating, String runtime,
                            List<String> genres, List<String> directors) {

        static Contents of(MovieDraft draft) {
            return new Contents(draft.title(), draft.releaseDate(), text(draft.rating()),
                    text(draft.runtimeMinutes()), draft.genres(), draft.directors());
        }
    }

    private static final MovieDraft EMPTY = new MovieDraft("", "", null, null, List.of(), List.of());

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
    /** The movie as the server last showed it: what the editor's changes are measured against. */
    private final ObjectProperty<Movie> editing = new SimpleObjectProperty<>();
    private final ObjectProperty<Contents> loaded = new SimpleObjectProperty<>();
    private final BooleanBinding dirty;
    private final StringBinding windowTitle;
    private final ReleaseDateText dates;
    /** Set once the form's window is gone: a Retry left on the main window's banner then sends nothing. */
    private boolean closed;
    /** What the save that ran into the pending conflict was to do next; the resolved save does it. */
    private Consumer<Movie> afterConflict;

    /** Release dates typed in the format locale's own way are understood, as well as ISO. */
    public MovieFormViewModel(CatalogueClient client, Background background) {
        this(client, background, Locale.getDefault(Locale.Category.FORMAT));
    }

    MovieFormViewModel(CatalogueClient client, Background background, Locale locale) {
        this.client = client;
        this.background = background;
        this.dates = new ReleaseDateText(locale);
        for (String field : FIELDS) {
            errors.put(field, new SimpleStringProperty(""));
        }
        dirty = Bindings.createBooleanBinding(() -> !contents().equals(loaded.get()),
                title, releaseDate, rating, runtime, genres, directors, loaded);
        windowTitle = Bindings.createStringBinding(() -> editing.get() == null ? "New movie"
                : editing.get().title() + " (" + editing.get().releaseYear() + ") — mymoviedb", editing);
        load(null);
    }

    /** Fills the form with {@code movie}, or empties it for a new one. */
    public void load(Movie movie) {
        editing.set(movie);
        // A fresh start: every name shown is stored, none is new (the pickers forget what they created).
        genres.clear();
        directors.clear();
        show(movie == null ? EMPTY : MovieDraft.of(movie));
        errors.values().forEach(error -> error.set(""));
        conflict.set(null);
        loaded.set(contents());
    }

    private void show(MovieDraft draft) {
        title.set(draft.title());
        releaseDate.set(draft.releaseDate());
        rating.set(text(draft.rating()));
        runtime.set(text(draft.runtimeMinutes()));
        // Replaced only when different, so a name the editor created stays marked as new.
        if (!genres.equals(draft.genres())) {
            genres.setAll(draft.genres());
        }
        if (!directors.equals(draft.directors())) {
            directors.setAll(draft.directors());
        }
    }

    private Contents contents() {
        return new Contents(title.get(), releaseDate.get(), rating.get(), runtime.get(), List.copyOf(genres),
                List.copyOf(directors));
    }

    private static String text(Integer value) {
        return value == null ? "" : value.toString();
    }

    /**
     * Checks what can be checked here, then creates, or sends the fields the editor changed; {@code onSaved}
     * gets the saved movie. Server userErrors land on their fields. On CONFLICT the edits merge: a field only
     * one side changed goes that side's way and the save goes on by itself; fields both changed become
     * {@link #conflict()}, with the typed values kept. A second save while one is under way is ignored, and so
     * is the banner's Retry then: Retry is this method again, so it saves what the form holds now, once.
     * What the editor types while the save is under way stays in the form, unsaved, when the answer comes.
     */
    public void save(Consumer<Movie> onSaved) {
        if (saving.get() || closed) {
            return;
        }
        MovieDraft draft = validate();
        if (draft == null) {
            return;
        }
        Movie base = editing.get();
        Contents sent = contents();
        saving.set(true);
        background.run(() -> base == null ? client.createMovie(draft)
                        : client.updateMovie(base.id(), base.version(), draft, draft.changedFrom(MovieDraft.of(base))),
                result -> answered(result, base, draft, sent, onSaved),
                () -> saving.set(false), () -> save(onSaved));
    }

    private void answered(MovieSaved result, Movie base, MovieDraft draft, Contents sent, Consumer<Movie> onSaved) {
        saving.set(false);
        Contents now = contents();
        if (result.conflict() && result.current() != null) {
            MovieMerge merge = new MovieMerge(MovieDraft.of(base), draft, MovieDraft.of(result.current()));
            Set<MovieField> disputed = merge.disputed();
            if (draft.changedFrom(MovieDraft.of(result.current())).isEmpty()) {
                // The movie already is exactly what was sent: most likely this very save, sent before and answered
                // too late (a time-out, then Retry). Saving it again would be a second write of the same change.
                load(result.current());
                keepLaterEdits(sent, now);
                onSaved.accept(result.current());
                return;
            }
            if (disputed.isEmpty()) {
                // Nothing to decide: theirs plus the editor's changes is what both meant. Saving it is what
                // the editor asked for; a question with one sensible answer would only be in the way.
                rebase(result.current(), merge.merged(Set.of()));
                keepLaterEdits(sent, now);
                save(onSaved);
                return;
            }
            afterConflict = onSaved;
            // Cleared first: a second identical conflict must still be announced.
            conflict.set(null);
            conflict.set(new Conflict(merge, result.current(), disagreements(disputed, result.currentHistory())));
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
        keepLaterEdits(sent, now);
        onSaved.accept(result.movie());
    }

    /**
     * Puts back what the editor typed after {@code sent} went out: each field that holds something else
     * {@code now} than it did then, so the form shows the saved movie plus those edits, unsaved.
     */
    private void keepLaterEdits(Contents sent, Contents now) {
        if (now.equals(sent)) {
            return;
        }
        if (!now.title().equals(sent.title())) {
            title.set(now.title());
        }
        if (!now.releaseDate().equals(sent.releaseDate())) {
            releaseDate.set(now.releaseDate());
        }
        if (!now.rating().equals(sent.rating())) {
            rating.set(now.rating());
        }
        if (!now.runtime().equals(sent.runtime())) {
            runtime.set(now.runtime());
        }
        if (!now.genres().equals(sent.genres())) {
            genres.setAll(now.genres());
        }
        if (!now.directors().equals(sent.directors())) {
            directors.setAll(now.directors());
        }
    }

    /**
     * Deletes the movie the form edits, at the version it shows; {@code onDeleted} gets it once it is gone. When
     * someone else changed it since, nothing is deleted and the form says so (and, when the editor has changed
     * nothing, shows the movie as it is now, so a second Delete deletes what the editor sees).
     */
    public void delete(Consumer<Movie> onDeleted) {
        Movie doomed = editing.get();
        if (doomed == null || saving.get() || closed) {
            return;
        }
        errors.get("form").set("");
        saving.set(true);
        background.run(() -> client.deleteMovies(List.of(doomed)), answer -> deleted(answer, doomed, onDeleted),
                () -> saving.set(false), () -> delete(onDeleted));
    }

    private void deleted(MoviesDeleted answer, Movie doomed, Consumer<Movie> onDeleted) {
        saving.set(false);
        if (!answer.deletedIds().isEmpty()) {
            onDeleted.accept(doomed);
            return;
        }
        if (answer.conflict() && !answer.changed().isEmpty()) {
            String notDeleted = "Not deleted: someone else changed this movie since the form showed it";
            if (dirty.get()) {
                errors.get("form").set(notDeleted + ".");
            } else {
                load(answer.changed().get(0));
                errors.get("form").set(notDeleted + "; it now shows the movie as it is. Delete again to delete it.");
            }
            return;
        }
        errors.get("form").set(answer.userErrors().stream().map(UserError::message).reduce((a, b) -> a + "; " + b)
                .orElse("Not deleted"));
    }

    /** The form was closed: nothing it still holds is sent, whatever Retry is pressed later. */
    public void close() {
        closed = true;
    }

    /** How a movie is named in notices and questions: “Alien” (1979-05-25). */
    public static String named(Movie movie) {
        return "“" + movie.title() + "” (" + movie.releaseDate() + ")";
    }

    private static List<Disagreement> disagreements(Set<MovieField> disputed, List<HistoryEntry> history) {
        List<Disagreement> disagreements = new ArrayList<>();
        for (MovieField field : disputed) {
            // Newest first: the first write that touched the field is the one that left its value.
            disagreements.add(history.stream().filter(entry -> entry.changed(field.key())).findFirst()
                    .map(entry -> new Disagreement(field, entry.username(), entry.when()))
                    .orElse(new Disagreement(field, "someone else", "")));
        }
        return disagreements;
    }

    /** Measures the editor's changes against {@code current} from now on, with the form showing {@code draft}. */
    private void rebase(Movie current, MovieDraft draft) {
        editing.set(current);
        loaded.set(Contents.of(MovieDraft.of(current)));
        show(draft);
    }

    /**
     * Settles the pending conflict: each disputed field in {@code keepMine} keeps the editor's value, the others
     * take theirs; undisputed fields merge as usual. Then saves against the movie as it is now.
     */
    public void resolve(Set<MovieField> keepMine) {
        Conflict pending = conflict.get();
        if (pending != null) {
            conflict.set(null);
            rebase(pending.current(), pending.merge().merged(keepMine));
            save(afterConflict);
        }
    }

    /** Drops the editor's values for the movie as it is now. */
    public void reloadCurrent() {
        Conflict pending = conflict.get();
        if (pending != null) {
            load(pending.current());
        }
    }

    /**
     * The draft if every field passes the catalogue's rules (the server's own, from catalogue-rules); else null,
     * with each problem on its field.
     */
    MovieDraft validate() {
        errors.values().forEach(error -> error.set(""));
        String titleText = title.get() == null ? "" : title.get().strip();
        mark(MovieRuleSet.checkTitle(titleText));
        String dateText = releaseDate.get() == null ? "" : releaseDate.get().strip();
        Optional<LocalDate> date = dateText.isEmpty() ? Optional.empty() : dates.parse(dateText);
        if (dateText.isEmpty() || date.isPresent()) {
            mark(MovieRuleSet.checkReleaseDate(date.orElse(null), LocalDate.now()));
        } else {
            errors.get("releaseDate").set(dates.problem(dateText));
        }
        Integer ratingValue = whole(rating, MovieRuleSet::checkRating, MovieViolation.RATING_OUT_OF_RANGE);
        Integer runtimeValue = whole(runtime, MovieRuleSet::checkRuntime, MovieViolation.RUNTIME_OUT_OF_RANGE);
        if (errors.values().stream().anyMatch(error -> !error.get().isEmpty())) {
            return null;
        }
        // Sent as ISO, whichever way it was typed.
        return new MovieDraft(titleText, date.map(ReleaseDateText::written).orElse(""), ratingValue, runtimeValue,
                genres, directors);
    }

    /** Shows {@code violation}'s message on the field it concerns. */
    private void mark(Optional<MovieViolation> violation) {
        violation.ifPresent(v -> errors.get(v.field()).set(v.message()));
    }

    /** A whole number typed in {@code text}, or null; text that is no number gets {@code notANumber}'s message. */
    private Integer whole(StringProperty text, Function<Integer, Optional<MovieViolation>> rule,
                          MovieViolation notANumber) {
        String value = text.get() == null ? "" : text.get().strip();
        if (value.isEmpty()) {
            return null;
        }
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            // The range's message says what is expected.
            mark(Optional.of(notANumber));
            return null;
        }
        Optional<MovieViolation> violation = rule.apply(number);
        mark(violation);
        return violation.isPresent() ? null : number;
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

    /** The form window's title: the movie it edits and its year, or "New movie". */
    public StringBinding windowTitle() {
        return windowTitle;
    }

    /** Reads typed release dates; the view's calendar uses it to open on the typed date. */
    Optional<LocalDate> typedReleaseDate() {
        return releaseDate.get() == null ? Optional.empty() : dates.parse(releaseDate.get());
    }
}
