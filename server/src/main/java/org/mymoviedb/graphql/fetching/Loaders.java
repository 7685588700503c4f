package org.mymoviedb.graphql.fetching;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.mymoviedb.data.DatabaseExecutor;
import org.mymoviedb.names.Genre;
import org.mymoviedb.names.GenreRepository;
import org.mymoviedb.names.Person;
import org.mymoviedb.names.PersonRepository;

/** Creates each request's DataLoaders: a page of movies loads its genres and directors in one statement each. */
public final class Loaders {

    public static final String GENRES_BY_MOVIE = "genresByMovie";
    public static final String DIRECTORS_BY_MOVIE = "directorsByMovie";

    private final GenreRepository genres;
    private final PersonRepository people;
    private final DatabaseExecutor executor;

    public Loaders(GenreRepository genres, PersonRepository people, DatabaseExecutor executor) {
        this.genres = genres;
        this.people = people;
        this.executor = executor;
    }

    /**
     * A fresh registry: loaders cache per request only, so no request sees another's data. Each loader is created
     * when a fetcher first asks for it, so a request that loads nothing (an execution plan) creates none.
     */
    public DataLoaderRegistry newRegistry() {
        return new CreatedOnFirstUse();
    }

    /** The request's registry; not empty to graphql-java, so it dispatches whatever loader a fetcher created. */
    private final class CreatedOnFirstUse extends DataLoaderRegistry {

        @Override
        public <K, V> DataLoader<K, V> getDataLoader(String key) {
            return switch (key) {
                case GENRES_BY_MOVIE -> computeIfAbsent(key, k ->
                        DataLoaderFactory.<Long, List<Genre>>newMappedDataLoader(
                                ids -> executor.supply(() -> genresOf(ids))));
                case DIRECTORS_BY_MOVIE -> computeIfAbsent(key, k ->
                        DataLoaderFactory.<Long, List<Person>>newMappedDataLoader(
                                ids -> executor.supply(() -> directorsOf(ids))));
                default -> super.getDataLoader(key);
            };
        }
    }

    /** What {@link #GENRES_BY_MOVIE} loads for a batch: one statement, every id mapped (to an empty list at least). */
    public Map<Long, List<Genre>> genresOf(Collection<Long> movieIds) {
        return genres.byMovie(movieIds);
    }

    /** What {@link #DIRECTORS_BY_MOVIE} loads for a batch: one statement, in billing order. */
    public Map<Long, List<Person>> directorsOf(Collection<Long> movieIds) {
        return people.directorsByMovie(movieIds);
    }
}
