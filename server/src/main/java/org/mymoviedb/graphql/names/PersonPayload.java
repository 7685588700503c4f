package org.mymoviedb.graphql.names;

import java.util.List;
import org.mymoviedb.base.UserError;
import org.mymoviedb.names.Person;

/** The schema's PersonPayload: the person as written, or userErrors. */
public record PersonPayload(Person person, List<UserError> userErrors) {
}
