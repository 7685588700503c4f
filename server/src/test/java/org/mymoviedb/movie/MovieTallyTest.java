package org.mymoviedb.movie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mymoviedb.base.PageRequest;
import org.mymoviedb.testing.TestDatabase;

/**
 * totalCount without a filter comes from movie_tally, which the database keeps through every write that adds or
 * removes movies (single and multi-row inserts, deletes, a truncate, concurrent writers), and it always equals
 * count(*).
 */
class MovieTallyTest {

    private TestDatabase db;
    private MovieRepository movies;

    @BeforeEach
    void open() {
        db = TestDatabase.create();
        movies = new MovieRepository(db.dsl());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theUnfilteredTotalFollowsInsertsDeletesAndTruncate() {
        DSLContext sql = db.dsl();
        assertThat(total()).isZero();
        sql.execute("insert into movie (title, release_date) values ('Alone', date '2001-01-01')");
        assertThat(total()).isEqualTo(1).isEqualTo(counted());
        sql.execute("insert into movie (title, release_date) select 'Film ' || n, date '1990-01-01' + n "
                + "from generate_series(1, 250) n");
        assertThat(total()).isEqualTo(251).isEqualTo(counted());
        sql.execute("delete from movie where title like 'Film 1%'");
        assertThat(total()).isEqualTo(counted()).isLessThan(251);
        sql.execute("update movie set title = title || ' (restored)'");
        assertThat(total()).isEqualTo(counted());
        sql.execute("truncate movie cascade");
        assertThat(total()).isZero();
        sql.execute("insert into movie (title, release_date) values ('After', date '2002-01-01')");
        assertThat(total()).isEqualTo(1).isEqualTo(counted());
    }

    @Test
    void concurrentWritersAndARolledBackOneLeaveTheTotalExact() {
        List<CompletableFuture<Void>> writers = IntStream.range(0, 4).mapToObj(w -> CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 25; i++) {
                db.dsl().execute("insert into movie (title, release_date) values (?, date '2000-01-01' + ?)",
                        "Writer " + w + " film " + i, i);
            }
        })).toList();
        writers.forEach(CompletableFuture::join);
        try {
            db.dsl().transaction(c -> {
                c.dsl().execute("insert into movie (title, release_date) values ('Undone', date '1999-01-01')");
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(total()).isEqualTo(100).isEqualTo(counted());
    }

    @Test
    void theUnfilteredTotalIsReadFromTheTallyNotCounted() {
        db.dsl().execute("insert into movie (title, release_date) select 'Film ' || n, date '1990-01-01' + n "
                + "from generate_series(1, 500) n");
        assertThat(total()).isEqualTo(500);
        // Only the tally says 1,500 now; a count of the movies would still say 500.
        db.dsl().execute("update movie_tally set movies = movies + 1000 where slot = 3");
        assertThat(total()).isEqualTo(1_500);
        assertThat(movies.count(MovieFilter.fromArgument(Map.of("titleContains", "film")))).isEqualTo(500);
    }

    private int total() {
        return movies.page(MovieFilter.NONE, MovieOrder.DEFAULT, new PageRequest(1, false, null), true).totalCount();
    }

    private int counted() {
        return db.dsl().fetchCount(db.dsl().selectOne().from("movie"));
    }
}
