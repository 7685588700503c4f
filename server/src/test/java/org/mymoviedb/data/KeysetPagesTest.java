package org.mymoviedb.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.jooq.Tables.MOVIE;

import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.mymoviedb.base.Keyset;
import org.mymoviedb.base.Page;
import org.mymoviedb.base.PageRequest;
import org.mymoviedb.jooq.tables.records.MovieRecord;

/**
 * The keyset query as SQL, built on a jOOQ context with no database behind it: the order, the seek after the
 * position and the one extra row that says there is more. A database would only run what is checked here.
 */
class KeysetPagesTest {

    private static final DSLContext SQL = DSL.using(SQLDialect.POSTGRES);
    private static final List<OrderTerm> NEWEST_FIRST = List.of(
            new OrderTerm(MOVIE.RELEASE_DATE, false), new OrderTerm(MOVIE.TITLE, true), new OrderTerm(MOVIE.ID, true));

    private static final Keyset VERTIGO = new Keyset(List.of(LocalDate.of(1958, 5, 9), "Vertigo", 7L));
    private static final String AFTER_VERTIGO = "(\"movie\".\"release_date\" < date '1958-05-09'"
            + " or (\"movie\".\"release_date\" = date '1958-05-09' and \"movie\".\"title\" > 'Vertigo')"
            + " or (\"movie\".\"release_date\" = date '1958-05-09' and \"movie\".\"title\" = 'Vertigo'"
            + " and \"movie\".\"id\" > 7))";

    @Test
    void theFirstPageIsTheOrderingAndOneRowMore() {
        String sql = sql(new PageRequest(10, false, null));

        assertThat(sql).endsWith("where \"movie\".\"rating\" >= 70 order by \"movie\".\"release_date\" desc,"
                + " \"movie\".\"title\" asc, \"movie\".\"id\" asc fetch next 11 rows only");
    }

    @Test
    void aLaterPageStartsRightAfterItsPositionInEachTermsDirection() {
        String sql = sql(new PageRequest(10, false, VERTIGO));

        assertThat(sql).contains("where (\"movie\".\"rating\" >= 70 and " + AFTER_VERTIGO + ")")
                .endsWith("order by \"movie\".\"release_date\" desc, \"movie\".\"title\" asc,"
                        + " \"movie\".\"id\" asc fetch next 11 rows only")
                .doesNotContainIgnoringCase("offset");
    }

    @Test
    void aBackwardPageReadsEveryTermTheOtherWayRound() {
        String last = sql(new PageRequest(5, true, null));
        String before = sql(new PageRequest(5, true, VERTIGO));

        assertThat(last).endsWith("order by \"movie\".\"release_date\" asc, \"movie\".\"title\" desc,"
                + " \"movie\".\"id\" desc fetch next 6 rows only");
        assertThat(before).contains("(\"movie\".\"release_date\" > date '1958-05-09'",
                "\"movie\".\"title\" < 'Vertigo'", "\"movie\".\"id\" < 7)")
                .endsWith("fetch next 6 rows only");
    }

    @Test
    void aPageOfNoRowsAsksTheDatabaseNothing() {
        // The context has no connection: reading anything would throw.
        Page<Long> page = KeysetPages.read(SQL.selectFrom(MOVIE).where(DSL.noCondition()), NEWEST_FIRST,
                new PageRequest(0, false, VERTIGO), MovieRecord::getId);

        assertThat(page.items()).isEmpty();
        assertThat(page.more()).isFalse();
        assertThat(page.totalCount()).isNull();
    }

    private static String sql(PageRequest request) {
        return KeysetPages.query(SQL.selectFrom(MOVIE).where(MOVIE.RATING.ge((short) 70)), NEWEST_FIRST, request)
                .getSQL(ParamType.INLINED);
    }
}
