package org.mymoviedb.graphql.fetching;

import java.util.List;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.base.UserError;
import org.mymoviedb.movie.Movie;

/** The schema's DeletePayload, the answer to every single delete (movie, genre, person, account). */
public record DeletePayload(List<String> deletedIds, Movie current, List<UserError> userErrors) {

    /** Deleted: the global id of {@code type}'s row {@code id}. */
    public static DeletePayload deleted(NodeType type, long id) {
        return new DeletePayload(List.of(Ids.global(type, id)), null, List.of());
    }

    /** A refused delete: nothing deleted; for a movie changed since, the movie as it is now. */
    public static DeletePayload refused(List<UserError> errors, Object current) {
        return new DeletePayload(List.of(), current instanceof Movie movie ? movie : null, errors);
    }
}
