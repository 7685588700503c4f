package org.mymoviedb.movie;

import java.util.List;
import java.util.Set;
import org.mymoviedb.names.NameRef;

/**
 * A movie's fields as an editor sends them, before any check. For an update only the fields in {@code given}
 * change; a list left null leaves that list as it is.
 *
 * @param given          the names of the fields the editor sent (title, releaseDate, rating, runtimeMinutes)
 * @param releaseDate    a LocalDate, null, or an {@link ImpossibleDate} the editor spelled out
 * @param genres         the genres to set, or null
 * @param directors      the directors to set in billing order, or null
 */
public record MovieInput(Set<String> given, String title, Object releaseDate, Integer rating, Integer runtimeMinutes,
                         List<NameRef> genres, List<NameRef> directors) {

    public MovieInput {
        given = Set.copyOf(given);
    }

    boolean gives(String field) {
        return given.contains(field);
    }
}
