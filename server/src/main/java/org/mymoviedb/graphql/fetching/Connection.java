package org.mymoviedb.graphql.fetching;

import java.util.List;
import java.util.function.Function;
import org.mymoviedb.base.Page;

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

    /** The connection over a page the repository read for {@code arguments}; {@code cursorOf} names each node. */
    public static <T> Connection<T> of(Page<T> page, PageArguments arguments, Function<T, String> cursorOf) {
        List<Edge<T>> edges = page.items().stream().map(n -> new Edge<>(cursorOf.apply(n), n)).toList();
        boolean fromCursor = arguments.cursor() != null;
        PageInfo info = new PageInfo(
                arguments.backward() ? fromCursor : page.more(),
                arguments.backward() ? page.more() : fromCursor,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new Connection<>(edges, info, page.totalCount());
    }
}
