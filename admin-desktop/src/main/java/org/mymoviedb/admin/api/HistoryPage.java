package org.mymoviedb.admin.api;

import java.util.List;

/** A page of history, newest first, and where the next page starts. */
public record HistoryPage(List<HistoryEntry> entries, boolean hasNextPage, String endCursor) {
}
