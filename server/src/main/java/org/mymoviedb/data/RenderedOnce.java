package org.mymoviedb.data;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.function.Supplier;
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

    private record Rendered(String sql, Object[] binds, Field<?>[] fields) {
    }

    private static final Object[] NO_BINDS = {};

    private final Cache<Object, Rendered> rendered;

    public RenderedOnce(int maxEntries) {
        this.rendered = Caffeine.newBuilder().maximumSize(maxEntries).build();
    }

    /** The rows of the query {@code build} makes for {@code key}, mapped; its SQL rendered the first time only. */
    public <T> java.util.List<T> fetch(DSLContext dsl, Object key, Supplier<? extends ResultQuery<?>> build,
                                       RecordMapper<Record, T> mapper) {
        Rendered r = rendered.get(key, k -> {
            ResultQuery<?> query = build.get();
            Object[] binds = query.getBindValues().toArray();
            if (Arrays.stream(binds).allMatch(value -> value instanceof Number)) {
                return new Rendered(dsl.renderInlined(query), NO_BINDS, query.fields());
            }
            return new Rendered(dsl.render(query), binds, query.fields());
        });
        counted(dsl);
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(r.sql())) {
                for (int i = 0; i < r.binds().length; i++) {
                    statement.setObject(i + 1, r.binds()[i]);
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
