package org.mymoviedb.movie;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.Field;
import org.jooq.Record;
import org.mymoviedb.jooq.tables.records.MovieRecord;
import static org.mymoviedb.jooq.Tables.MOVIE;

/** A movie as the API shows it; genres and directors are loaded separately, in batches. */
public record Movie(
        long id,
        String title,
        LocalDate releaseDate,
        Integer rating,
        Integer runtimeMinutes,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        int version) {

    /** The columns a Movie is made of: not genre_ids, which only searches read (in SQL). */
    static final List<Field<?>> COLUMNS = List.of(MOVIE.ID, MOVIE.TITLE, MOVIE.RELEASE_DATE, MOVIE.RATING,
            MOVIE.RUNTIME_MINUTES, MOVIE.CREATED_AT, MOVIE.UPDATED_AT, MOVIE.VERSION);

    static Movie from(MovieRecord r) {
        return new Movie(r.getId(), r.getTitle(), r.getReleaseDate(),
                r.getRating() == null ? null : r.getRating().intValue(),
                r.getRuntimeMinutes(), r.getCreatedAt(), r.getUpdatedAt(), r.getVersion());
    }

    /** From a row of {@link #COLUMNS}, in that order. */
    static Movie from(Record r) {
        Short rating = r.get(3, Short.class);
        return new Movie(r.get(0, Long.class), r.get(1, String.class), r.get(2, LocalDate.class),
                rating == null ? null : rating.intValue(), r.get(4, Integer.class),
                r.get(5, OffsetDateTime.class), r.get(6, OffsetDateTime.class), r.get(7, Integer.class));
    }

    /** The runtime, or null while unknown. */
    public Runtime runtime() {
        return runtimeMinutes == null ? null : new Runtime(runtimeMinutes);
    }
}
