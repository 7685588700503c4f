package org.mymoviedb.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.ResultQuery;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;
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

    /**
     * The shape of {@link #query}'s statement for every position of {@code request}'s kind: the position's values
     * are the named parameters {@link #positionParameter}(0), (1)... (typed as their sort keys), to be bound for
     * each execution; the limit is a value of the shape. {@link RenderedOnce} renders it once per shape. Only for
     * a request with a position.
     */
    public static <R extends Record> ResultQuery<R> shape(SelectConditionStep<R> select, List<OrderTerm> order,
                                                          PageRequest request) {
        var sorted = select.orderBy(order.stream().map(t -> t.sortField(request.backward())).toList());
        Field<?>[] position = new Field<?>[order.size()];
        for (int i = 0; i < position.length; i++) {
            position[i] = DSL.param(positionParameter(i), order.get(i).field());
        }
        return sorted.seek(position).limit(DSL.inline(request.size() + 1));
    }

    /** The name of the parameter holding a position's {@code index}th value in a {@link #shape}. */
    public static String positionParameter(int index) {
        return "mymoviedb_position_" + index;
    }

    /** A position's values as its sort keys' types, in order: what a {@link #shape}'s parameters are bound to. */
    public static List<Object> positionValues(List<OrderTerm> order, PageRequest request) {
        List<Object> values = request.position().values();
        List<Object> typed = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            typed.add(order.get(i).field().getDataType().convert(values.get(i)));
        }
        return typed;
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
