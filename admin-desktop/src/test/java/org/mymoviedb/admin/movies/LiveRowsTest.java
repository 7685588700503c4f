package org.mymoviedb.admin.movies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.api.CatalogueChange;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.api.MovieQuery.MovieOrder;
import org.mymoviedb.admin.support.OtherEditor;
import org.mymoviedb.admin.support.ViewModelTest;

/**
 * The list hears of another editor's writes and shows them without a reload: updated where the row stands, a new
 * matching movie where it sorts, a deleted one gone, the count following; movies outside the filter stay out.
 */
class LiveRowsTest extends ViewModelTest {

    private static OtherEditor ann;

    @BeforeAll
    static void seed() {
        ann = new OtherEditor(server, "ann");
        for (String title : List.of("Rowlive A", "Rowlive B", "Rowlive D", "Rowlive E")) {
            catalogue.movie(title, LocalDate.of(1994, 4, 4), 40, 100);
        }
        catalogue.movie("Unrelated film", LocalDate.of(1994, 4, 4), 40, 100);
    }

    private final CatalogueClient client = signedInClient();
    private final MovieListViewModel model = new MovieListViewModel(client, inline());
    private final LiveRows rows = new LiveRows(model, client, inline(), Runnable::run);

    private List<String> titles() {
        return model.movies().stream().map(Movie::title).toList();
    }

    private Movie row(String title) {
        return model.movies().stream().filter(m -> m.title().equals(title)).findFirst().orElseThrow();
    }

    private static CatalogueChange change(String kind, String movieId) {
        return new CatalogueChange("e", kind, CatalogueChange.MOVIE, movieId, null, Instant.now(), "ann", List.of(),
                null, null);
    }

    private void showing(String search) {
        model.search().set(search);
        model.reload();
    }

    @Test
    void anUpdatedRowChangesWhereItStands() {
        showing("Rowlive");
        Movie b = row("Rowlive B");
        ann.change(b.id(), "rating", 93);

        rows.heard(change(CatalogueChange.UPDATED, b.id()));

        assertThat(titles()).containsExactly("Rowlive A", "Rowlive B", "Rowlive D", "Rowlive E");
        assertThat(model.movies().get(1).rating()).isEqualTo(93);
        assertThat(model.movies().get(1).version()).isEqualTo(b.version() + 1);
        assertThat(model.totalCount().get()).isEqualTo(4);
    }

    @Test
    void aNewMovieThatMatchesAppearsWhereItSortsAndOneThatDoesNotStaysOut() {
        showing("Rowlive");
        String c = ann.create("Rowlive C", "2003-03-03");
        rows.heard(change(CatalogueChange.CREATED, c));
        assertThat(titles()).containsExactly("Rowlive A", "Rowlive B", "Rowlive C", "Rowlive D", "Rowlive E");
        assertThat(model.totalCount().get()).isEqualTo(5);

        String other = ann.create("Elsewhere film", "2003-03-03");
        rows.heard(change(CatalogueChange.CREATED, other));
        assertThat(titles()).hasSize(5).doesNotContain("Elsewhere film");
        assertThat(model.totalCount().get()).isEqualTo(5);

        ann.delete(c);
    }

    @Test
    void aDeletedMovieGoesAndTheCountFollows() {
        String doomed = ann.create("Rowlive Doomed", "2004-04-04");
        showing("Rowlive");
        assertThat(titles()).contains("Rowlive Doomed");
        int before = model.totalCount().get();

        ann.delete(doomed);
        rows.heard(change(CatalogueChange.DELETED, doomed));

        assertThat(titles()).doesNotContain("Rowlive Doomed");
        assertThat(model.totalCount().get()).isEqualTo(before - 1);
    }

    @Test
    void aMovieChangedOutOfTheFilterLeavesIt() {
        String leaving = ann.create("Rowlive Leaving", "2005-05-05");
        showing("Rowlive");
        ann.change(leaving, "title", "Gone elsewhere");

        rows.heard(change(CatalogueChange.UPDATED, leaving));

        assertThat(titles()).doesNotContain("Rowlive Leaving", "Gone elsewhere");
    }

    @Test
    void sortedByTheNewestChangeANewMovieComesFirst() {
        model.search().set("Rowlive");
        model.orderBy(List.of(new MovieOrder("UPDATED_AT", true)));
        String fresh = ann.create("Rowlive Fresh", "2006-06-06");

        rows.heard(change(CatalogueChange.CREATED, fresh));

        assertThat(titles().get(0)).isEqualTo("Rowlive Fresh");
        ann.delete(fresh);
    }

    @Test
    void changesHeardWhileAQuestionIsOutGoTogetherInTheNext() {
        showing("Rowlive");
        java.util.ArrayDeque<Runnable> held = new java.util.ArrayDeque<>();
        LiveRows slow = new LiveRows(model, client, new org.mymoviedb.admin.shell.Background(held::add, Runnable::run),
                Runnable::run);
        Movie a = row("Rowlive A");
        Movie d = row("Rowlive D");
        Movie e = row("Rowlive E");
        ann.change(a.id(), "rating", 11);
        ann.change(d.id(), "rating", 12);
        ann.change(e.id(), "rating", 13);

        slow.heard(change(CatalogueChange.UPDATED, a.id()));
        slow.heard(change(CatalogueChange.UPDATED, d.id()));
        slow.heard(change(CatalogueChange.UPDATED, e.id()));
        slow.heard(change(CatalogueChange.UPDATED, d.id()));
        assertThat(held).hasSize(1);
        held.poll().run();
        // A's answer landed; D and E, heard meanwhile, are one question.
        assertThat(held).hasSize(1);
        held.poll().run();

        assertThat(held).isEmpty();
        assertThat(List.of(row("Rowlive A"), row("Rowlive D"), row("Rowlive E"))).extracting(Movie::rating)
                .containsExactly(11, 12, 13);
    }

    @Test
    void changesToGenresAndPeopleAreNotTheListsBusiness() {
        showing("Rowlive");
        List<Movie> before = List.copyOf(model.movies());
        rows.heard(new CatalogueChange("e", CatalogueChange.UPDATED, CatalogueChange.GENRE, "g", null, Instant.now(),
                "ann", List.of("name"), null, null));
        assertThat(model.movies()).isEqualTo(before);
    }
}
