package org.mymoviedb.admin.api;

import java.util.List;

/** The answer to creating or renaming a genre or person: the row, or userErrors. */
public record NameSaved(NamedRef saved, List<UserError> userErrors) {
}
