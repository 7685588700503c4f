package org.mymoviedb.importer;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A row a reader accepted: every value already within the catalogue's rules.
 *
 * @param rating 0..100, or null when unknown
 * @param runtimeMinutes 1..1500, or null when unknown
 * @param directors in billing order, no two equal ignoring case
 * @param genres no two equal ignoring case
 */
public record MovieImportRow(
        String label,
        String title,
        LocalDate releaseDate,
        Integer rating,
        Integer runtimeMinutes,
        List<String> directors,
        List<String> genres)
        implements RowOutcome {

    public MovieImportRow {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(releaseDate, "releaseDate");
        directors = List.copyOf(directors);
        genres = List.copyOf(genres);
    }
}
