package org.mymoviedb.data;

import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.mymoviedb.base.PageRequest;

/**
 * A filtered page in an indexed order, read in one statement when its matches come early in the order, and by
 * its filter's own index otherwise. PostgreSQL's planner can't tell the two apart when the matches cluster late
 * in the order (a word at the end of generated titles): it walks the order's index, estimates the page a few
 * hundred rows away and reads 80,000 (bench/README.md, "W6: walk first"). For a filter that an index answers
 * (a title's words: the trigram index); one that none does would be read by a sort of every match.
 *
 * <p>The first statement walks at most {@link #ROWS} rows of the order from the position, each flagged with
 * whether it matches: in order, so its first matches are the page's whenever there are enough of them. Fewer,
 * with the walk cut short, and a second statement reads the matches by the filter, sorted on an expression of
 * the first key that no index orders (same values, same order), so the planner takes the filter's indexes and a
 * top-N sort. Either way the rows and their order are the keyset query's ({@link KeysetPages#query}).
 */
public final class WalkFirst {

    /** Rows walked in the order before the filter's indexes are asked instead. */
    public static final int ROWS = 1_000;

    private static final Field<Boolean> MATCHES = DSL.field(DSL.name("walk_matches"), Boolean.class);
    private static final Field<Integer> WALKED = DSL.field(DSL.name("walk_row"), Integer.class);

    private WalkFirst() {
    }

    /**
     * The page's rows (at most its size + 1, in the read's direction), mapped: {@code columns} of {@code table}
     * matching {@code filter} in {@code order} from the request's position; {@code unordered} is the first key's
     * field in a form no index orders, for the second statement.
     */
    public static <T> List<T> fetch(DSLContext dsl, Table<?> table, List<Field<?>> columns, Condition filter,
                                    List<OrderTerm> order, Field<?> unordered, PageRequest request,
                                    RecordMapper<Record, T> mapper) {
        List<SortField<?>> sort = new ArrayList<>(order.size());
        order.forEach(term -> sort.add(term.sortField(request.backward())));
        var walk = dsl.select(table.asterisk(), DSL.field(filter).as(MATCHES),
                        DSL.rowNumber().over(DSL.orderBy(sort)).as(WALKED))
                .from(table).orderBy(sort);
        Table<?> walked = (request.position() == null ? walk.limit(ROWS)
                : walk.seek(request.position().values().toArray()).limit(ROWS)).asTable(table.getName());
        List<Field<?>> selected = new ArrayList<>(columns.size() + 2);
        selected.addAll(columns.subList(0, firstExtra(columns, table)));
        selected.add(MATCHES);
        selected.add(WALKED);
        selected.addAll(columns.subList(firstExtra(columns, table), columns.size()));
        int wanted = request.size() + 1;
        List<Record> rows = dsl.select(selected).from(walked).where(DSL.condition(MATCHES).or(WALKED.eq(ROWS))).orderBy(sort)
                .limit(wanted + 1).fetch();
        List<T> matches = new ArrayList<>(wanted);
        boolean cut = false;
        for (Record row : rows) {
            if (matches.size() == wanted) {
                break;
            }
            if (Boolean.TRUE.equals(row.get(MATCHES))) {
                matches.add(mapper.map(row));
            }
            cut |= row.get(WALKED) == ROWS;
        }
        if (matches.size() == wanted || !cut) {
            return matches;
        }
        List<OrderTerm> sorted = new ArrayList<>(order);
        sorted.set(0, new OrderTerm(unordered, order.get(0).ascending()));
        return KeysetPages.query(dsl.select(columns).from(table).where(filter), sorted, request).fetch(mapper);
    }

    /** Where the columns of {@code table} end and the extra ones (subqueries after them) begin. */
    private static int firstExtra(List<Field<?>> columns, Table<?> table) {
        int i = 0;
        while (i < columns.size() && table.field(columns.get(i)) != null) {
            i++;
        }
        return i;
    }
}
