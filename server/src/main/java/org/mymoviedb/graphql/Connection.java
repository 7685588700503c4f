package org.mymoviedb.graphql;

import java.util.List;

/**
 * One page of a Relay connection, as the schema's XxxConnection types read it.
 *
 * @param edges      the page's edges, in order
 * @param pageInfo   where the page sits
 * @param totalCount every match across all pages; null when the query did not select it (it is not counted)
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, Integer totalCount) {

    /** One node and the cursor that points at it. */
    public record Edge<T>(String cursor, T node) {
    }

    /** Relay's PageInfo. */
    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /**
     * Builds a page from up to {@code request.size() + 1} rows fetched in page direction: the extra row only says
     * that there is more.
     */
    public static <T> Connection<T> of(List<T> fetched, PageRequest request,
                                       java.util.function.Function<T, String> cursorOf, Integer totalCount) {
        boolean more = fetched.size() > request.size();
        List<T> page = more ? fetched.subList(0, request.size()) : fetched;
        if (request.backward()) {
            page = new java.util.ArrayList<>(page);
            java.util.Collections.reverse(page);
        }
        List<Edge<T>> edges = page.stream().map(n -> new Edge<>(cursorOf.apply(n), n)).toList();
        PageInfo info = new PageInfo(
                request.backward() ? request.cursor() != null : more,
                request.backward() ? more : request.cursor() != null,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new Connection<>(edges, info, totalCount);
    }
}
