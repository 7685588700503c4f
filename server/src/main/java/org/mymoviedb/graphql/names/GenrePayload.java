package org.mymoviedb.graphql.names;

import java.util.List;
import org.mymoviedb.base.UserError;
import org.mymoviedb.names.Genre;

/** The schema's GenrePayload: the genre as written, or userErrors. */
public record GenrePayload(Genre genre, List<UserError> userErrors) {
}
