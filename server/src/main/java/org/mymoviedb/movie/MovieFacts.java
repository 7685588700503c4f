package org.mymoviedb.movie;

import java.time.LocalDate;
import java.util.List;

/**
 * A movie as an import file states it, every value already within {@link MovieRules}.
 *
 * @param rating    0..100, or null when unknown
 * @param directors in billing order, no two equal ignoring case
 * @param genres    no two equal ignoring case
 */
public record MovieFacts(String title, LocalDate releaseDate, Integer rating, Integer runtimeMinutes,
                         List<String> directors, List<String> genres) {
}
