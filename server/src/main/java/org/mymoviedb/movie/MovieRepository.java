package org.mymoviedb.movie;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.mymoviedb.base.Page;
import org.mymoviedb.base.PageRequest;
import org.mymoviedb.data.KeysetPages;
import org.mymoviedb.data.OrderTerm;
import static org.mymoviedb.jooq.Tables.MOVIE;

/** Reads movies: by id, and a page at a time with keyset pagination (no OFFSET). */
public final class MovieRepository {

    private final DSLContext dsl;

    public MovieRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Whether the catalogue has any movie at all. */
    public boolean any() {
        return dsl.fetchExists(MOVIE);
    }

    public Optional<Movie> findById(long id) {
        return dsl.select(Movie.COLUMNS).from(MOVIE).where(MOVIE.ID.eq(id)).fetchOptional(Movie::from);
    }

    /** The movies among {@code ids} that exist, by id: one statement. */
    public Map<Long, Movie> byIds(Collection<Long> ids) {
        return dsl.select(Movie.COLUMNS).from(MOVIE).where(MOVIE.ID.eq(DSL.any(ids.toArray(Long[]::new))))
                .fetchMap(r -> r.get(MOVIE.ID), Movie::from);
    }

    /** One page of the movies matching {@code filter} in {@code orders}; counts all matches if {@code count}. */
    public Page<Movie> page(MovieFilter filter, List<MovieOrder> orders, PageRequest request, boolean count) {
        Page<Movie> page = KeysetPages.read(dsl.select(Movie.COLUMNS).from(MOVIE).where(filter.condition()),
                terms(orders), request, Movie::from);
        return page.withTotalCount(count ? dsl.fetchCount(MOVIE, filter.condition()) : null);
    }

    /** The keyset query behind a page, for looking at its plan. */
    ResultQuery<Record> pageQuery(MovieFilter filter, List<MovieOrder> orders, PageRequest request) {
        return KeysetPages.query(dsl.select(Movie.COLUMNS).from(MOVIE).where(filter.condition()), terms(orders),
                request);
    }

    /** The ordering's keys, then the id as the tiebreak that makes every order total. */
    private static List<OrderTerm> terms(List<MovieOrder> orders) {
        List<OrderTerm> terms = new ArrayList<>();
        for (MovieOrder order : orders) {
            terms.add(new OrderTerm(order.key().field(), order.ascending()));
        }
        // The id follows the last key's direction, so a single-key order reads its index in one direction.
        terms.add(new OrderTerm(MOVIE.ID, orders.get(orders.size() - 1).ascending()));
        return terms;
    }
}
