package org.mymoviedb.graphql.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mymoviedb.graphql.fetching.Loaders;
import org.mymoviedb.history.AuditAction;
import org.mymoviedb.feed.EntityLoader;
import org.mymoviedb.feed.LiveEvent;
import org.mymoviedb.feed.OutboxEntry;
import org.mymoviedb.movie.Movie;
import org.mymoviedb.movie.MovieRepository;
import org.mymoviedb.names.Genre;
import org.mymoviedb.names.GenreRepository;
import org.mymoviedb.names.Person;
import org.mymoviedb.names.PersonRepository;

/**
 * The entities of a batch of events, as they are now, for every subscriber at once: one statement each for the
 * movies, their genres (the request loaders' batch), their directors, the genres and the people of the batch.
 */
public final class LiveEntities implements EntityLoader {

    /** What a movie's event carries besides the movie: its genres and directors, primed into each subscriber's loaders. */
    record MovieLinks(List<Genre> genres, List<Person> directors) {
    }

    private final MovieRepository movies;
    private final GenreRepository genres;
    private final PersonRepository people;
    private final Loaders loaders;

    public LiveEntities(MovieRepository movies, GenreRepository genres, PersonRepository people, Loaders loaders) {
        this.movies = movies;
        this.genres = genres;
        this.people = people;
        this.loaders = loaders;
    }

    @Override
    public List<LiveEvent> load(List<OutboxEntry> entries) {
        Set<Long> movieIds = ids(entries, "movie");
        Set<Long> genreIds = ids(entries, "genre");
        Set<Long> personIds = ids(entries, "person");
        Map<Long, Movie> movieRows = movieIds.isEmpty() ? Map.of() : movies.byIds(movieIds);
        Map<Long, List<Genre>> movieGenres = movieRows.isEmpty() ? Map.of() : loaders.genresOf(movieRows.keySet());
        Map<Long, List<Person>> movieDirectors = movieRows.isEmpty() ? Map.of()
                : loaders.directorsOf(movieRows.keySet());
        Map<Long, Genre> genreRows = genreIds.isEmpty() ? Map.of() : genres.byIds(genreIds);
        Map<Long, Person> personRows = personIds.isEmpty() ? Map.of() : people.byIds(personIds);
        List<LiveEvent> events = new ArrayList<>(entries.size());
        for (OutboxEntry e : entries) {
            long id = e.entry().entityId();
            events.add(switch (e.entry().entityType()) {
                case "movie" -> new LiveEvent(e, movieRows.get(id), movieRows.containsKey(id)
                        ? new MovieLinks(movieGenres.getOrDefault(id, List.of()),
                        movieDirectors.getOrDefault(id, List.of())) : null);
                case "genre" -> new LiveEvent(e, genreRows.get(id), null);
                case "person" -> new LiveEvent(e, personRows.get(id), null);
                default -> new LiveEvent(e, null, null);
            });
        }
        return events;
    }

    /** The ids of {@code entityType}'s entities that the entries do not delete. */
    private static Set<Long> ids(List<OutboxEntry> entries, String entityType) {
        return entries.stream().filter(e -> e.entry().entityType().equals(entityType)
                        && e.entry().action() != AuditAction.DELETE)
                .map(e -> e.entry().entityId()).collect(Collectors.toSet());
    }
}
