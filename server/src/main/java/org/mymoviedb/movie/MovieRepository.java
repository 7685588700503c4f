package org.mymoviedb.movie;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.RecordMapper;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.mymoviedb.base.Page;
import org.mymoviedb.base.PageRequest;
import org.mymoviedb.data.KeysetPages;
import org.mymoviedb.data.OrderTerm;
import org.mymoviedb.data.RenderedOnce;
import org.mymoviedb.data.WalkFirst;
import static org.mymoviedb.jooq.Tables.MOVIE;
import static org.mymoviedb.jooq.Tables.MOVIE_TALLY;

/** Reads movies: by id, and a page at a time with keyset pagination (no OFFSET). */
public final class MovieRepository {

    /** Orders x directions x sizes x column sets: a few hundred first (or later) page shapes at most are in use. */
    private static final int FIRST_PAGES = 512;

    /** The title, as no index orders it: the same values in the same order (see {@link WalkFirst}). */
    private static final Field<String> UNORDERED_TITLE = MOVIE.TITLE.concat(DSL.inline(""));

    private final DSLContext dsl;
    private final RenderedOnce firstPages = new RenderedOnce(FIRST_PAGES);
    private final RenderedOnce laterPages = new RenderedOnce(FIRST_PAGES);

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

    /** As {@link #findById(long)}, with {@code extra} columns after the movie's, whose row goes to {@code alongside}. */
    public Optional<Movie> findById(long id, List<Field<?>> extra, BiConsumer<Movie, Record> alongside) {
        return dsl.select(columns(extra)).from(MOVIE).where(MOVIE.ID.eq(id)).fetchOptional(withRow(alongside));
    }

    /** The movies among {@code ids} that exist, by id: one statement. */
    public Map<Long, Movie> byIds(Collection<Long> ids) {
        return dsl.select(Movie.COLUMNS).from(MOVIE).where(MOVIE.ID.eq(DSL.any(ids.toArray(Long[]::new))))
                .fetchMap(r -> r.get(MOVIE.ID), Movie::from);
    }

    /** One page of the movies matching {@code filter} in {@code orders}; counts all matches if {@code count}. */
    public Page<Movie> page(MovieFilter filter, List<MovieOrder> orders, PageRequest request, boolean count) {
        return page(filter, orders, request, count, List.of(), (movie, row) -> { });
    }

    /**
     * As {@link #page(MovieFilter, List, PageRequest, boolean)}, with {@code extra} columns after the movie's (read
     * in the same statement), each row handed to {@code alongside} with its movie.
     */
    public Page<Movie> page(MovieFilter filter, List<MovieOrder> orders, PageRequest asked, boolean count,
                            List<Field<?>> extra, BiConsumer<Movie, Record> alongside) {
        PageRequest request = withinFilter(filter, orders, asked);
        Supplier<ResultQuery<Record>> query = () -> KeysetPages.query(
                dsl.select(columns(extra)).from(MOVIE).where(filter.condition()), terms(orders), request);
        RecordMapper<Record, Movie> mapper = withRow(alongside);
        // A first page without a filter is decided by its order, size and columns: its SQL is rendered once. A
        // later page's shape is decided by the same, and its SQL is rendered once per shape, the cursor's values
        // bound for each page.
        Page<Movie> page = filter.equals(MovieFilter.NONE) && request.position() == null
                ? KeysetPages.read(() -> List.of(orders, request, extra.stream().map(Field::getName).toList()),
                        request, key -> firstPages.fetch(dsl, key, query, mapper))
                : filter.equals(MovieFilter.NONE)
                ? KeysetPages.read(() -> List.of(orders, request.size(), request.backward(),
                                extra.stream().map(Field::getName).toList()), request,
                        key -> laterPages.fetch(dsl, key, () -> KeysetPages.shape(
                                        dsl.select(columns(extra)).from(MOVIE).where(filter.condition()),
                                        terms(orders), request),
                                KeysetPages::positionParameter, KeysetPages.positionValues(terms(orders), request),
                                mapper))
                : orders.get(0).key() == MovieOrder.Key.TITLE && filter.titleContains() != null
                ? KeysetPages.read(() -> filter, request, f -> WalkFirst.fetch(dsl, MOVIE, columns(extra),
                        f.condition(), terms(orders), UNORDERED_TITLE, request, mapper))
                : KeysetPages.read(query, request, q -> q.fetch(mapper));
        return page.withTotalCount(count ? count(filter) : null);
    }

    /**
     * How many movies match {@code filter}, all pages together; without a filter, the catalogue's size as the
     * database keeps it (movie_tally, db/migration/V12).
     */
    int count(MovieFilter filter) {
        if (filter.equals(MovieFilter.NONE)) {
            return dsl.select(DSL.coalesce(DSL.sum(MOVIE_TALLY.MOVIES), DSL.inline(BigDecimal.ZERO)))
                    .from(MOVIE_TALLY).fetchOne(0, Integer.class);
        }
        return dsl.fetchCount(MOVIE, filter.countCondition());
    }

    /** The statement behind a page's totalCount, for looking at its plan. */
    ResultQuery<Record1<Integer>> countQuery(MovieFilter filter) {
        return dsl.selectCount().from(MOVIE).where(filter.countCondition());
    }

    private static List<Field<?>> columns(List<Field<?>> extra) {
        if (extra.isEmpty()) {
            return Movie.COLUMNS;
        }
        List<Field<?>> columns = new ArrayList<>(Movie.COLUMNS.size() + extra.size());
        columns.addAll(Movie.COLUMNS);
        columns.addAll(extra);
        return columns;
    }

    private static RecordMapper<Record, Movie> withRow(BiConsumer<Movie, Record> alongside) {
        return r -> {
            Movie movie = Movie.from(r);
            alongside.accept(movie, r);
            return movie;
        };
    }

    /** The keyset query behind a page, for looking at its plan. */
    ResultQuery<Record> pageQuery(MovieFilter filter, List<MovieOrder> orders, PageRequest request) {
        return KeysetPages.query(dsl.select(Movie.COLUMNS).from(MOVIE).where(filter.condition()), terms(orders),
                withinFilter(filter, orders, request));
    }

    /**
     * {@code request} without its position when every movie {@code filter} admits comes after that position
     * anyway (its first key's value lies before the filter's range, in the direction read): the page then starts
     * at the filter's bound instead of walking the index from the position ({@link MovieFilter#admitsNothingUpTo}).
     * The rows are the same.
     */
    private static PageRequest withinFilter(MovieFilter filter, List<MovieOrder> orders, PageRequest request) {
        if (request.position() == null) {
            return request;
        }
        MovieOrder first = orders.get(0);
        boolean upward = first.ascending() != request.backward();
        return filter.admitsNothingUpTo(first.key(), request.position().values().get(0), upward)
                ? new PageRequest(request.size(), request.backward(), null)
                : request;
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
