package org.mymoviedb.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.jooq.Tables.MOVIE;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mymoviedb.base.Keyset;
import org.mymoviedb.base.PageRequest;
import org.mymoviedb.testing.TestDatabase;

/**
 * A query rendered once whose only values are numbers (a first page's limit) reaches PostgreSQL without
 * parameters, so the one session that runs it plans it once and reuses that plan, even under the pool's
 * {@code plan_cache_mode=force_custom_plan}; a query with a text value keeps it as a bind value and is planned
 * for each execution. PostgreSQL's own counts ({@code pg_prepared_statements}), on a pool of one connection set
 * up as the service's.
 */
class RenderedOnceTest {

    private static final int RUNS = 8;

    private TestDatabase db;
    private HikariDataSource oneConnection;
    private DSLContext dsl;

    @BeforeEach
    void connect() {
        db = TestDatabase.create();
        db.dsl().execute("""
                insert into movie (title, release_date, created_at, updated_at)
                select 'Film ' || n, date '2000-01-01' + n, now(), now() from generate_series(1, 30) as n""");
        oneConnection = new HikariDataSource(Database.poolConfig(db.settings(), 1, 5_000, "rendered-once-test"));
        dsl = DSL.using(oneConnection, SQLDialect.POSTGRES);
    }

    @AfterEach
    void close() {
        oneConnection.close();
        db.close();
    }

    @Test
    void aQueryWhoseValuesAreNumbersIsPlannedOnceAndGivesTheSameRows() {
        RenderedOnce once = new RenderedOnce(8);
        List<String> titles = null;
        for (int i = 0; i < RUNS; i++) {
            titles = once.fetch(dsl, "first 11", () -> DSL.using(SQLDialect.POSTGRES)
                            .select(MOVIE.ID, MOVIE.TITLE).from(MOVIE).where(DSL.trueCondition())
                            .orderBy(MOVIE.TITLE, MOVIE.ID).limit(11),
                    (Record row) -> row.get(MOVIE.TITLE));
        }
        assertThat(titles).hasSize(11).startsWith("Film 1", "Film 10", "Film 11").isSorted();

        Record2<Long, Long> plans = plansOf("%\"title\" from \"movie\" where true%");
        assertThat(plans.value1()).as("generic plans").isEqualTo(RUNS);
        assertThat(plans.value2()).as("custom plans").isZero();
        assertThat(dsl.fetchCount(DSL.table("pg_prepared_statements"), DSL.condition(
                "statement like '%$1%' and statement like '%\"movie\"%' and statement not like '%pg_prepared%'")))
                .as("statements with parameters").isZero();
    }

    @Test
    void aTextValueStaysABindValueAndIsPlannedForEachExecution() {
        RenderedOnce once = new RenderedOnce(8);
        List<Long> ids = null;
        for (int i = 0; i < RUNS; i++) {
            ids = once.fetch(dsl, "titled Film 7", () -> DSL.using(SQLDialect.POSTGRES)
                            .select(MOVIE.ID).from(MOVIE).where(MOVIE.TITLE.eq("Film 7")).limit(5),
                    (Record row) -> row.get(MOVIE.ID));
        }
        assertThat(ids).hasSize(1);

        Record2<Long, Long> plans = plansOf("%where \"movie\".\"title\" = $1%");
        assertThat(plans.value1()).as("generic plans").isZero();
        assertThat(plans.value2()).as("custom plans").isEqualTo(RUNS);
    }

    @Test
    void aLaterPageIsRenderedOncePerShapeAndKeepsItsPlanOnThePoolOfKeptPlans() {
        oneConnection.close();
        oneConnection = new HikariDataSource(Database.keptPlansPoolConfig(db.settings(), 1, 5_000));
        dsl = DSL.using(oneConnection, SQLDialect.POSTGRES);
        RenderedOnce once = new RenderedOnce(8);
        List<OrderTerm> order = List.of(new OrderTerm(MOVIE.TITLE, true), new OrderTerm(MOVIE.ID, true));
        List<Long> all = db.dsl().select(MOVIE.ID).from(MOVIE).orderBy(MOVIE.TITLE, MOVIE.ID).fetch(MOVIE.ID);
        List<String> allTitles = db.dsl().select(MOVIE.TITLE).from(MOVIE).orderBy(MOVIE.TITLE, MOVIE.ID)
                .fetch(MOVIE.TITLE);
        for (int i = 0; i < RUNS; i++) {
            // Each run starts after another movie: the values differ, the shape does not.
            PageRequest request = new PageRequest(3, false, new Keyset(List.of(allTitles.get(i), all.get(i))));
            List<Long> page = once.fetch(dsl, "after, 3", () -> KeysetPages.shape(
                            DSL.using(SQLDialect.POSTGRES).select(MOVIE.ID, MOVIE.TITLE).from(MOVIE)
                                    .where(DSL.trueCondition()), order, request),
                    KeysetPages::positionParameter, KeysetPages.positionValues(order, request),
                    (Record row) -> row.get(MOVIE.ID));
            assertThat(page).as("the page after row " + i).isEqualTo(all.subList(i + 1, i + 5));
        }

        assertThat(dsl.fetchCount(DSL.table("pg_prepared_statements"), DSL.condition(
                "statement like '%\"movie\"%' and statement not like '%pg_prepared%'")))
                .as("one statement for every cursor").isEqualTo(1);
        Record2<Long, Long> plans = plansOf("%$2%");
        // plan_cache_mode auto: five custom plans, then the generic one, which costs no more.
        assertThat(plans.value1()).as("generic plans").isEqualTo(RUNS - 5);
        assertThat(plans.value2()).as("custom plans").isEqualTo(5);
    }

    /** Generic and custom plans of the one prepared statement on the pool's only session whose text is like. */
    private Record2<Long, Long> plansOf(String like) {
        return dsl.resultQuery("select generic_plans, custom_plans from pg_prepared_statements"
                        + " where statement like ? and statement like '%\"movie\"%'"
                        + " and statement not like '%pg_prepared_statements%'", like)
                .coerce(DSL.field("generic_plans", Long.class), DSL.field("custom_plans", Long.class))
                .fetchSingle();
    }
}
