package org.mymoviedb.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.ResultQuery;
import org.jooq.SelectConditionStep;
import org.mymoviedb.base.Page;
import org.mymoviedb.base.PageRequest;

/**
 * Keyset pagination (no OFFSET) for every list: movies, people, history. The ordering must end with a unique key
 * so it is total; jOOQ's {@code seek} turns the position into the row comparison an index answers.
 */
public final class KeysetPages {

    private KeysetPages() {
    }

    /** The query behind a page: the rows after (or before) the position, plus one that only says there is more. */
    public static <R extends Record> ResultQuery<R> query(SelectConditionStep<R> select, List<OrderTerm> order,
                                                          PageRequest request) {
        var sorted = select.orderBy(order.stream().map(t -> t.sortField(request.backward())).toList());
        if (request.position() == null) {
            return sorted.limit(request.size() + 1);
        }
        return sorted.seek(request.position().values().toArray()).limit(request.size() + 1);
    }

    /** Reads one page; a size of 0 reads nothing. The total is left for the caller to count if asked. */
    public static <R extends Record, T> Page<T> read(SelectConditionStep<R> select, List<OrderTerm> order,
                                                      PageRequest request, RecordMapper<? super R, T> mapper) {
        return read(() -> query(select, order, request), request, q -> q.fetch(mapper));
    }

    /** Reads one page: {@code fetch} sends the page's {@link #query} (however); a size of 0 reads nothing. */
    public static <Q, T> Page<T> read(Supplier<Q> query, PageRequest request, Function<Q, List<T>> fetch) {
        List<T> fetched = request.size() == 0 ? List.of() : fetch.apply(query.get());
        boolean more = fetched.size() > request.size();
        List<T> page = more ? fetched.subList(0, request.size()) : fetched;
        if (request.backward()) {
            page = new ArrayList<>(page);
            Collections.reverse(page);
        }
        return new Page<>(List.copyOf(page), more, null);
    }
}
