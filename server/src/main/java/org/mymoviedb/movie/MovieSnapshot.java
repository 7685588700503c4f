package org.mymoviedb.movie;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.mymoviedb.history.Changes;
import org.mymoviedb.jooq.tables.records.MovieRecord;
import org.mymoviedb.names.Genre;
import org.mymoviedb.names.GenreRepository;
import org.mymoviedb.names.Person;
import org.mymoviedb.names.PersonRepository;

/**
 * A movie's fields as history records them, read inside the write's transaction. Every path that writes movies
 * (the API, the importer) diffs two of these, so their history entries read alike.
 */
public record MovieSnapshot(Map<String, Object> fields) {

    /** Before a create, after a delete. */
    public static final MovieSnapshot EMPTY = new MovieSnapshot(Map.of());

    private static final List<String> FIELDS =
            List.of("title", "releaseDate", "rating", "runtimeMinutes", "genres", "directors");

    /** The movie as stored, its genres and directors read in its transaction. */
    public static MovieSnapshot of(DSLContext tx, MovieRecord row) {
        return of(row.getTitle(), row.getReleaseDate(), row.getRating() == null ? null : row.getRating().intValue(),
                row.getRuntimeMinutes(),
                new GenreRepository(tx).byMovie(List.of(row.getId())).get(row.getId()).stream().map(Genre::name)
                        .toList(),
                new PersonRepository(tx).directorsByMovie(List.of(row.getId())).get(row.getId()).stream()
                        .map(Person::name).toList());
    }

    /**
     * The movie as a write is about to store it: genres as the database lists them (by name), directors in
     * billing order, both with their stored names.
     */
    public static MovieSnapshot of(String title, LocalDate releaseDate, Integer rating, Integer runtimeMinutes,
                                   List<String> genres, List<String> directors) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("title", title);
        f.put("releaseDate", releaseDate == null ? null : releaseDate.toString());
        f.put("rating", rating);
        f.put("runtimeMinutes", runtimeMinutes);
        f.put("genres", List.copyOf(genres));
        f.put("directors", List.copyOf(directors));
        return new MovieSnapshot(f);
    }

    /** What changed from this snapshot to {@code after}, field by field. */
    public Changes diff(MovieSnapshot after) {
        Changes changes = new Changes();
        for (String field : FIELDS) {
            changes.compare(field, fields.get(field), after.fields.get(field));
        }
        return changes;
    }
}
