package org.mymoviedb.admin.api;

import java.util.List;

/** One page of genres or people. */
public record NamePage(List<NamedRef> names, boolean hasNextPage, String endCursor) {
}
