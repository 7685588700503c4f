package org.mymoviedb.admin.api;

import java.util.List;

/** What an editor typed into the movie form; genres and directors by name, created by the server if new. */
public record MovieDraft(String title, String releaseDate, Integer rating, Integer runtimeMinutes,
                         List<String> genres, List<String> directors) {
}
