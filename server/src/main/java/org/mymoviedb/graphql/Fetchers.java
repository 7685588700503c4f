package org.mymoviedb.graphql;

import org.mymoviedb.auth.AuthFetchers;
import org.mymoviedb.genre.GenreFetchers;
import org.mymoviedb.genre.GenreMutations;
import org.mymoviedb.history.HistoryFetchers;
import org.mymoviedb.movie.MovieFetchers;
import org.mymoviedb.movie.MovieMutations;
import org.mymoviedb.person.PersonFetchers;
import org.mymoviedb.person.PersonMutations;

/** Every feature's fetchers, handed to the wiring together. */
public record Fetchers(
        MovieFetchers movies,
        MovieMutations movieMutations,
        GenreFetchers genres,
        GenreMutations genreMutations,
        PersonFetchers people,
        PersonMutations personMutations,
        HistoryFetchers history,
        AuthFetchers auth) {
}
