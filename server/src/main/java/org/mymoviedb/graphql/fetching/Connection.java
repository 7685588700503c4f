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

    /** One node and the cursor that points at it, encoded only if a query asks for it. */
    public record Edge<T>(T node, Function<T, String> cursorOf) {

        public String cursor() {
            return cursorOf.apply(node);
        }
    }

    /** Relay's PageInfo; the cursors are the first and last edges', encoded only if asked for. */
    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, Edge<?> first, Edge<?> last) {

        public String startCursor() {
            return first == null ? null : first.cursor();
        }

        public String endCursor() {
            return last == null ? null : last.cursor();
        }
    }

    /** The connection over a page the repository read for {@code arguments}; {@code cursorOf} names each node. */
    public static <T> Connection<T> of(Page<T> page, PageArguments arguments, Function<T, String> cursorOf) {
        List<Edge<T>> edges = page.items().stream().map(n -> new Edge<>(n, cursorOf)).toList();
        boolean fromCursor = arguments.cursor() != null;
        PageInfo info = new PageInfo(
                arguments.backward() ? fromCursor : page.more(),
                arguments.backward() ? page.more() : fromCursor,
                edges.isEmpty() ? null : edges.get(0),
                edges.isEmpty() ? null : edges.get(edges.size() - 1));
        return new Connection<>(edges, info, page.totalCount());
    }
}
