package org.mymoviedb.admin.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What an editor typed into the movie form; genres and directors by name, created by the server if new. */
public record MovieDraft(String title, String releaseDate, Integer rating, Integer runtimeMinutes,
                         List<String> genres, List<String> directors) {

    public MovieDraft {
        genres = List.copyOf(genres);
        directors = List.copyOf(directors);
    }

    /** The movie's values as a draft, to compare typed values with. */
    public static MovieDraft of(Movie movie) {
        return new MovieDraft(movie.title(), movie.releaseDate(), movie.rating(), movie.runtimeMinutes(),
                movie.genreNames(), movie.directorNames());
    }

    /** The fields whose value here differs from {@code base}'s. */
    public Set<MovieField> changedFrom(MovieDraft base) {
        Set<MovieField> changed = EnumSet.noneOf(MovieField.class);
        for (MovieField field : MovieField.values()) {
            if (!field.same(this, base)) {
                changed.add(field);
            }
        }
        return changed;
    }

    /** This draft with {@code field} taken from {@code other}. */
    public MovieDraft with(MovieField field, MovieDraft other) {
        return new MovieDraft(
                field == MovieField.TITLE ? other.title : title,
                field == MovieField.RELEASE_DATE ? other.releaseDate : releaseDate,
                field == MovieField.RATING ? other.rating : rating,
                field == MovieField.RUNTIME_MINUTES ? other.runtimeMinutes : runtimeMinutes,
                field == MovieField.GENRES ? other.genres : genres,
                field == MovieField.DIRECTORS ? other.directors : directors);
    }
}
