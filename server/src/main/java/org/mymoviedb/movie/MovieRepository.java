package org.mymoviedb.movie;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ResultQuery;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.mymoviedb.graphql.Connection;
import org.mymoviedb.graphql.Cursors;
import org.mymoviedb.graphql.PageRequest;
import org.mymoviedb.jooq.tables.records.MovieRecord;
import tools.jackson.databind.JsonNode;

import static org.mymoviedb.jooq.Tables.MOVIE;

/** Reads movies: by id, and a page at a time with keyset pagination (no OFFSET). */
public final class MovieRepository {

    private final DSLContext dsl;

    public MovieRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Movie> findById(long id) {
        return dsl.selectFrom(MOVIE).where(MOVIE.ID.eq(id)).fetchOptional(Movie::from);
    }

    /** One page of the movies matching {@code filter} in {@code orders}; counts all matches if {@code count}. */
    public Connection<Movie> page(MovieFilter filter, List<MovieOrder> orders, PageRequest request, boolean count) {
        String signature = MovieOrder.signature(orders);
        List<Movie> fetched = request.size() == 0 ? List.of() : pageQuery(filter, orders, request).fetch(Movie::from);
        Integer total = count ? dsl.fetchCount(MOVIE, filter.condition()) : null;
        return Connection.of(fetched, request, movie -> cursor(signature, orders, movie), total);
    }

    /** The keyset query behind a page: the rows after (or before) the cursor, plus one to tell if there are more. */
    ResultQuery<MovieRecord> pageQuery(MovieFilter filter, List<MovieOrder> orders, PageRequest request) {
        List<SortTerm> terms = sortTerms(orders);
        List<SortField<?>> orderBy = new ArrayList<>();
        for (SortTerm term : terms) {
            // A backward page is read in reverse and turned around afterwards.
            boolean ascending = term.ascending != request.backward();
            orderBy.add(ascending ? term.field.asc() : term.field.desc());
        }
        Condition seek = DSL.noCondition();
        if (request.cursor() != null) {
            seek = seekCondition(terms, decode(request.cursor(), MovieOrder.signature(orders), terms),
                    request.backward());
        }
        return dsl.selectFrom(MOVIE)
                .where(filter.condition()).and(seek)
                .orderBy(orderBy)
                .limit(request.size() + 1);
    }

    /** The ordering's keys, then the id as the tiebreak that makes every order total. */
    private static List<SortTerm> sortTerms(List<MovieOrder> orders) {
        List<SortTerm> terms = new ArrayList<>();
        for (MovieOrder order : orders) {
            terms.add(new SortTerm(order.key().field(), order.ascending()));
        }
        // The id follows the last key's direction, so a single-key order reads its index in one direction.
        terms.add(new SortTerm(MOVIE.ID, orders.get(orders.size() - 1).ascending()));
        return terms;
    }

    private static String cursor(String signature, List<MovieOrder> orders, Movie movie) {
        List<Object> key = new ArrayList<>();
        for (MovieOrder order : orders) {
            key.add(order.key().valueOf(movie));
        }
        key.add(movie.id());
        return Cursors.encode(signature, key);
    }

    /** The cursor's values, typed as the sort fields they belong to. */
    private static List<Object> decode(String cursor, String signature, List<SortTerm> terms) {
        List<JsonNode> raw = Cursors.decode(cursor, signature, terms.size());
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            Field<?> field = terms.get(i).field;
            JsonNode node = raw.get(i);
            try {
                if (field.getType() == String.class && node.isString()) {
                    values.add(node.asString());
                } else if (field.getType() == LocalDate.class && node.isString()) {
                    values.add(LocalDate.parse(node.asString()));
                } else if (field.getType() == Integer.class && node.isIntegralNumber() && node.canConvertToInt()) {
                    values.add(node.asInt());
                } else if (field.getType() == Long.class && node.isIntegralNumber() && node.canConvertToLong()) {
                    values.add(node.asLong());
                } else {
                    throw Cursors.invalid();
                }
            } catch (java.time.format.DateTimeParseException e) {
                throw Cursors.invalid();
            }
        }
        return values;
    }

    /**
     * Rows strictly after the cursor in reading direction. When every term reads the same way this is one row
     * comparison, which PostgreSQL answers from the matching index; mixed directions expand to
     * (a > x) OR (a = x AND b > y) OR ...
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Condition seekCondition(List<SortTerm> terms, List<Object> values, boolean backward) {
        boolean firstAscending = terms.get(0).ascending != backward;
        boolean uniform = terms.stream().allMatch(t -> (t.ascending != backward) == firstAscending);
        if (uniform) {
            var row = DSL.row(terms.stream().map(t -> (Field) t.field).toList());
            var cursorRow = DSL.row(bind(terms, values));
            return firstAscending ? row.gt(cursorRow) : row.lt(cursorRow);
        }
        Condition any = DSL.falseCondition();
        for (int i = 0; i < terms.size(); i++) {
            Condition branch = DSL.trueCondition();
            for (int j = 0; j < i; j++) {
                branch = branch.and(((Field) terms.get(j).field).eq(bind(terms.get(j), values.get(j))));
            }
            Field field = terms.get(i).field;
            boolean ascending = terms.get(i).ascending != backward;
            Field value = bind(terms.get(i), values.get(i));
            branch = branch.and(ascending ? field.gt(value) : field.lt(value));
            any = any.or(branch);
        }
        return any;
    }

    private static List<Field<?>> bind(List<SortTerm> terms, List<Object> values) {
        List<Field<?>> bound = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            bound.add(bind(terms.get(i), values.get(i)));
        }
        return bound;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Field bind(SortTerm term, Object value) {
        return DSL.val(value, (Field) term.field);
    }

    private record SortTerm(Field<?> field, boolean ascending) {
    }
}
