package org.mymoviedb.graphql;

import org.mymoviedb.graphql.auth.AuthFetchers;
import org.mymoviedb.graphql.history.HistoryFetchers;
import org.mymoviedb.graphql.live.LiveFetchers;
import org.mymoviedb.graphql.movie.MovieFetchers;
import org.mymoviedb.graphql.movie.MovieMutations;
import org.mymoviedb.graphql.names.GenreFetchers;
import org.mymoviedb.graphql.names.GenrePayload;
import org.mymoviedb.graphql.names.NamedEntryMutations;
import org.mymoviedb.graphql.names.PersonFetchers;
import org.mymoviedb.graphql.names.PersonPayload;
import org.mymoviedb.graphql.node.NodeFetchers;

/** Every feature's fetchers, handed to the wiring together. */
public record Fetchers(
        MovieFetchers movies,
        MovieMutations movieMutations,
        GenreFetchers genres,
        NamedEntryMutations<GenrePayload> genreMutations,
        PersonFetchers people,
        NamedEntryMutations<PersonPayload> personMutations,
        HistoryFetchers history,
        AuthFetchers auth,
        NodeFetchers nodes,
        LiveFetchers live) {
}
