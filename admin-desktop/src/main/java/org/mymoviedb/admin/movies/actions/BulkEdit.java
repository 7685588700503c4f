package org.mymoviedb.admin.movies.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.api.MovieDraft;
import org.mymoviedb.admin.api.MovieField;

/**
 * One change an editor makes to many movies at once: add a genre, remove a genre, or make one person the director.
 * It is worked out afresh on each movie as it is on the server, so it keeps whatever else the movie has, and it
 * says which concurrent changes it may not simply build on (another director set meanwhile).
 */
public record BulkEdit(Kind kind, String name) {

    /** What the edit does; each touches one field. */
    public enum Kind {
        ADD_GENRE("Add genre", MovieField.GENRES),
        REMOVE_GENRE("Remove genre", MovieField.GENRES),
        SET_DIRECTOR("Set director", MovieField.DIRECTORS);

        private final String label;
        private final MovieField field;

        Kind(String label, MovieField field) {
            this.label = label;
            this.field = field;
        }

        public String label() {
            return label;
        }

        public MovieField field() {
            return field;
        }
    }

    public BulkEdit {
        name = name.strip().replaceAll("\\s+", " ");
    }

    public MovieField field() {
        return kind.field();
    }

    /** The movie's draft with this edit made, or null when the movie already is as the edit would make it. */
    public MovieDraft applyTo(Movie movie) {
        MovieDraft now = MovieDraft.of(movie);
        List<String> genres = new ArrayList<>(now.genres());
        List<String> directors = now.directors();
        switch (kind) {
            case ADD_GENRE -> {
                if (has(genres, name)) {
                    return null;
                }
                genres.add(name);
            }
            case REMOVE_GENRE -> {
                if (!genres.removeIf(genre -> same(genre, name))) {
                    return null;
                }
            }
            case SET_DIRECTOR -> {
                if (directors.size() == 1 && same(directors.get(0), name)) {
                    return null;
                }
                directors = List.of(name);
            }
        }
        return new MovieDraft(now.title(), now.releaseDate(), now.rating(), now.runtimeMinutes(), genres, directors);
    }

    /**
     * Whether a colleague's change, between the movie as the list showed it and as it is now, is one this edit
     * must not build on unseen. Adding or removing a genre keeps whatever else anyone did (their other genres
     * included), so only setting the director, which replaces the directors, conflicts with directors changed
     * meanwhile; a change to the runtime or the title never does.
     */
    public boolean conflictsWith(Movie shown, Movie current) {
        return kind == Kind.SET_DIRECTOR && !field().same(MovieDraft.of(shown), MovieDraft.of(current));
    }

    /** What it did to one movie: "added Drama", "removed Drama", "director set to Agnès Varda". */
    public String done() {
        return switch (kind) {
            case ADD_GENRE -> "added " + name;
            case REMOVE_GENRE -> "removed " + name;
            case SET_DIRECTOR -> "director set to " + name;
        };
    }

    /** Why a movie needed nothing: "already had Drama", "did not have Drama", "already directed by X alone". */
    public String alreadySo() {
        return switch (kind) {
            case ADD_GENRE -> "already had " + name;
            case REMOVE_GENRE -> "did not have " + name;
            case SET_DIRECTOR -> "already directed by " + name + " alone";
        };
    }

    private static boolean has(List<String> names, String name) {
        return names.stream().anyMatch(each -> same(each, name));
    }

    // Names compare as the server stores them: one genre or person per name, whatever its case.
    private static boolean same(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
