package org.mymoviedb.data;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.ExecuteListenerProvider;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.ResultQuery;

/**
 * Queries whose SQL and bind values are fully decided by a key (a list's first page without a filter, say):
 * rendered by jOOQ once, then sent over JDBC as that SQL with the same bind values, and their rows read by jOOQ
 * with the query's own field types. No request renders (or re-scans) them again; each is still counted by the
 * {@link StatementCounter}. Bounded by entry count; a key must hold everything the query depends on, values too.
 *
 * <p>When every bind value is a number (a first page's {@code limit}), jOOQ renders them inline, so the statement
 * has no parameters: PostgreSQL then plans it once per connection and keeps that plan (a statement with
 * parameters gets a new plan on every execution here, since the generic plan of {@code limit $1} sorts the
 * whole table). Text and other values stay bind values. bench/README.md, "W1G: planned once".
 */
public final class RenderedOnce {

    /**
     * A statement: its SQL, its fixed bind values, and for a shape (see {@link #fetch(DSLContext, Object, Supplier,
     * IntFunction, List, RecordMapper)}) which of the execution's values each parameter takes, in order.
     */
    private record Rendered(String sql, Object[] binds, int[] valueAt, Field<?>[] fields) {
    }

    /**
     * A named parameter as {@code DSLContext.renderNamedOrInlinedParams} writes it: a colon, then its name (not the
     * second colon of a {@code ::type} cast).
     */
    private static final Pattern NAMED = Pattern.compile("(?<![:\\w]):([A-Za-z_][A-Za-z0-9_]*)");

    private static final Object[] NO_BINDS = {};

    private final Cache<Object, Rendered> rendered;

    public RenderedOnce(int maxEntries) {
        this.rendered = Caffeine.newBuilder().maximumSize(maxEntries).build();
    }

    /** The rows of the query {@code build} makes for {@code key}, mapped; its SQL rendered the first time only. */
    public <T> List<T> fetch(DSLContext dsl, Object key, Supplier<? extends ResultQuery<?>> build,
                                       RecordMapper<Record, T> mapper) {
        Rendered r = rendered.get(key, k -> {
            ResultQuery<?> query = build.get();
            Object[] binds = query.getBindValues().toArray();
            if (Arrays.stream(binds).allMatch(value -> value instanceof Number)) {
                return new Rendered(dsl.renderInlined(query), NO_BINDS, null, query.fields());
            }
            return new Rendered(dsl.render(query), binds, null, query.fields());
        });
        return run(dsl, r, List.of(), mapper);
    }

    /**
     * As {@link #fetch(DSLContext, Object, Supplier, RecordMapper)} for a query whose shape {@code key} decides but
     * whose values it does not (a page after a cursor): {@code build} names each open value's parameter
     * {@code parameterName.apply(i)}, the i-th of {@code values}; every other value of the shape is rendered inline.
     * The SQL is rendered once per key; each execution binds its own {@code values} (already of their parameters'
     * types), so they stay bind values. The shape's best plan must not depend on those values: it runs on the
     * connections that keep generic plans ({@link ReadRoute#keepingPlans}).
     */
    public <T> List<T> fetch(DSLContext dsl, Object key, Supplier<? extends ResultQuery<?>> build,
                                       IntFunction<String> parameterName, List<Object> values,
                                       RecordMapper<Record, T> mapper) {
        Rendered r = rendered.get(key, k -> {
            ResultQuery<?> query = build.get();
            Map<String, Integer> indexes = new HashMap<>();
            for (int i = 0; i < values.size(); i++) {
                indexes.put(parameterName.apply(i), i);
            }
            Matcher named = NAMED.matcher(dsl.renderNamedOrInlinedParams(query));
            StringBuilder sql = new StringBuilder();
            List<Integer> valueAt = new ArrayList<>();
            while (named.find()) {
                Integer index = indexes.get(named.group(1));
                if (index != null) {
                    valueAt.add(index);
                    named.appendReplacement(sql, "?");
                }
            }
            named.appendTail(sql);
            return new Rendered(sql.toString(), NO_BINDS, valueAt.stream().mapToInt(Integer::intValue).toArray(),
                    query.fields());
        });
        return ReadRoute.keepingPlans(() -> run(dsl, r, values, mapper));
    }

    private static <T> List<T> run(DSLContext dsl, Rendered r, List<Object> values,
                                             RecordMapper<Record, T> mapper) {
        counted(dsl);
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(r.sql())) {
                for (int i = 0; i < r.binds().length; i++) {
                    statement.setObject(i + 1, r.binds()[i]);
                }
                if (r.valueAt() != null) {
                    for (int i = 0; i < r.valueAt().length; i++) {
                        statement.setObject(i + 1, values.get(r.valueAt()[i]));
                    }
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return dsl.fetch(rows, r.fields()).map(mapper);
                }
            }
        });
    }

    private static void counted(DSLContext dsl) {
        for (ExecuteListenerProvider provider : dsl.configuration().executeListenerProviders()) {
            if (provider.provide() instanceof StatementCounter counter) {
                counter.sent();
            }
        }
    }
}
