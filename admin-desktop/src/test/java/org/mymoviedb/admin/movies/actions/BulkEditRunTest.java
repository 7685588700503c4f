package org.mymoviedb.admin.movies.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.api.MovieQuery;
import org.mymoviedb.admin.movies.actions.BulkEdit.Kind;
import org.mymoviedb.admin.movies.actions.BulkOutcome.Result;
import org.mymoviedb.admin.support.ViewModelTest;
import org.mymoviedb.auth.Role;
import tools.jackson.databind.JsonNode;

/**
 * Actions on selected movies against a real server, with a colleague editing the same movies between the list
 * showing them and the action: one transaction per movie, a colleague's change to another field (or another
 * genre) kept and never a conflict, a colleague's other director choice never overwritten unseen.
 */
class BulkEditRunTest extends ViewModelTest {

    private static String colleague;
    private static long drama;
    private static long varda;

    @BeforeAll
    static void seed() {
        colleague = server.signedIn("colleague", Role.EDITOR);
        drama = catalogue.genre("Bulk drama");
        catalogue.genre("Bulk comedy");
        varda = catalogue.person("Bulk Varda");
        catalogue.person("Bulk Jeunet");
    }

    /** Movies of the calling test's own, by title prefix, as the list would show them now. */
    private static List<Movie> shown(CatalogueClient client, String prefix) {
        return client.movies(new MovieQuery(prefix, null, null, null, null, null, null, List.of()), 100, null)
                .movies();
    }

    private static long movie(String title) {
        return catalogue.movie(title, LocalDate.of(1990, 5, 1), 70, 100);
    }

    private static JsonNode now(long id) {
        return server.queryAs(colleague, "query($id: ID!) { movie(id: $id) { version runtime { minutes } genres { name } "
                + "directors { name } history(first: 20) { edges { node { username } } } } }",
                Map.of("id", String.valueOf(id))).get("data").get("movie");
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(node -> names.add(node.get("name").asString()));
        return names;
    }

    private static void colleagueUpdates(long id, int expectedVersion, String input) {
        JsonNode answer = server.queryAs(colleague, "mutation($id: ID!, $v: Int!) { updateMovie(id: $id, "
                + "expectedVersion: $v, input: " + input + ") { userErrors { code } } }",
                Map.of("id", String.valueOf(id), "v", expectedVersion));
        assertThat(answer.get("data").get("updateMovie").get("userErrors")).isEmpty();
    }

    @Test
    void addingAGenreChangesEachMovieInItsOwnTransactionAndSaysWhichAlreadyHadIt() {
        long one = movie("Add one");
        long two = movie("Add two");
        long had = movie("Add had");
        catalogue.tag(had, drama);
        CatalogueClient client = signedInClient();
        List<Integer> progress = new ArrayList<>();

        List<BulkOutcome> outcomes = new BulkEditRun(client, new BulkEdit(Kind.ADD_GENRE, " bulk  DRAMA "))
                .run(shown(client, "Add "), progress::add);

        assertThat(outcomes).extracting(BulkOutcome::title, BulkOutcome::result).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Add had", Result.UNCHANGED),
                org.assertj.core.groups.Tuple.tuple("Add one", Result.CHANGED),
                org.assertj.core.groups.Tuple.tuple("Add two", Result.CHANGED));
        assertThat(outcomes.get(0).detail()).isEqualTo("already had bulk DRAMA");
        assertThat(progress).containsExactly(1, 2, 3);
        // One write per changed movie: version 2 and one history entry each, by the editor; none for the other.
        for (long id : List.of(one, two)) {
            assertThat(now(id).get("version").asInt()).isEqualTo(2);
            assertThat(names(now(id).get("genres"))).containsExactly("Bulk drama");
            assertThat(now(id).get("history").get("edges")).hasSize(1);
            assertThat(now(id).get("history").get("edges").get(0).get("node").get("username").asString())
                    .isEqualTo(EDITOR);
        }
        assertThat(now(had).get("version").asInt()).isEqualTo(1);
        assertThat(now(had).get("history").get("edges")).isEmpty();
    }

    @Test
    void aColleaguesRuntimeOrGenreChangeMeanwhileIsKeptAndIsNoConflict() {
        long runtime = movie("Meanwhile runtime");
        long genre = movie("Meanwhile genre");
        CatalogueClient client = signedInClient();
        List<Movie> shown = shown(client, "Meanwhile ");
        // After the list read them at version 1, a colleague changes the runtime of one, adds a genre to the other.
        colleagueUpdates(runtime, 1, "{runtimeMinutes: 142}");
        colleagueUpdates(genre, 1, "{genres: [{name: \"Bulk comedy\"}]}");

        List<BulkOutcome> outcomes = new BulkEditRun(client, new BulkEdit(Kind.ADD_GENRE, "Bulk drama"))
                .run(shown, n -> { });

        assertThat(outcomes).extracting(BulkOutcome::result).containsOnly(Result.CHANGED);
        assertThat(now(runtime).get("runtime").get("minutes").asInt()).isEqualTo(142);
        assertThat(names(now(runtime).get("genres"))).containsExactly("Bulk drama");
        assertThat(names(now(genre).get("genres"))).containsExactlyInAnyOrder("Bulk comedy", "Bulk drama");
        assertThat(now(runtime).get("version").asInt()).isEqualTo(3);
    }

    @Test
    void removingAGenreKeepsTheOthersAndSaysWhichDidNotHaveIt() {
        long tagged = movie("Remove tagged");
        movie("Remove bare");
        catalogue.tag(tagged, drama);
        CatalogueClient client = signedInClient();
        List<Movie> shown = shown(client, "Remove ");
        colleagueUpdates(tagged, 1, "{genres: [{name: \"Bulk drama\"}, {name: \"Bulk comedy\"}]}");

        List<BulkOutcome> outcomes = new BulkEditRun(client, new BulkEdit(Kind.REMOVE_GENRE, "bulk drama"))
                .run(shown, n -> { });

        assertThat(outcomes).extracting(BulkOutcome::detail).containsExactly("did not have bulk drama",
                "removed bulk drama");
        assertThat(names(now(tagged).get("genres"))).containsExactly("Bulk comedy");
    }

    @Test
    void settingTheDirectorLeavesAMovieWhoseDirectorsAColleagueChangedAndNamesThem() {
        long theirs = movie("Director theirs");
        long runtime = movie("Director runtime");
        CatalogueClient client = signedInClient();
        List<Movie> shown = shown(client, "Director ");
        colleagueUpdates(theirs, 1, "{directors: [{name: \"Bulk Jeunet\"}]}");
        colleagueUpdates(runtime, 1, "{runtimeMinutes: 95}");

        List<BulkOutcome> outcomes = new BulkEditRun(client, new BulkEdit(Kind.SET_DIRECTOR, "Bulk Varda"))
                .run(shown, n -> { });

        assertThat(outcomes.get(0).title()).isEqualTo("Director runtime");
        assertThat(outcomes.get(0).result()).isEqualTo(Result.CHANGED);
        assertThat(names(now(runtime).get("directors"))).containsExactly("Bulk Varda");
        assertThat(now(runtime).get("runtime").get("minutes").asInt()).isEqualTo(95);
        assertThat(outcomes.get(1).result()).isEqualTo(Result.CONFLICT);
        assertThat(outcomes.get(1).detail())
                .isEqualTo("colleague changed its directors to Bulk Jeunet since the list showed it; left as it is");
        assertThat(names(now(theirs).get("directors"))).containsExactly("Bulk Jeunet");
        assertThat(now(theirs).get("version").asInt()).isEqualTo(2);
    }

    @Test
    void aMovieDeletedMeanwhileFailsAloneAndTheOthersGoOn() {
        long gone = movie("Gone first");
        long kept = movie("Gone kept");
        catalogue.credit(kept, varda, 0);
        CatalogueClient client = signedInClient();
        List<Movie> shown = shown(client, "Gone ");
        server.database().dsl().execute("delete from movie where id = ?", gone);

        List<BulkOutcome> outcomes = new BulkEditRun(client, new BulkEdit(Kind.ADD_GENRE, "Bulk drama"))
                .run(shown, n -> { });

        assertThat(outcomes).extracting(BulkOutcome::result).containsExactly(Result.FAILED, Result.CHANGED);
        assertThat(outcomes.get(0).detail()).isNotBlank();
        assertThat(outcomes.get(0).now()).isNull();
        assertThat(names(now(kept).get("genres"))).containsExactly("Bulk drama");
    }

    @Test
    void theSummaryCountsEachResult() {
        BulkEdit edit = new BulkEdit(Kind.ADD_GENRE, "Drama");
        BulkSummary summary = new BulkSummary(edit, List.of(
                new BulkOutcome("A", Result.CHANGED, "added Drama", null),
                new BulkOutcome("B", Result.CHANGED, "added Drama", null),
                new BulkOutcome("C", Result.CONFLICT, "x", null),
                new BulkOutcome("D", Result.CONFLICT, "x", null),
                new BulkOutcome("E", Result.UNCHANGED, "already had Drama", null)));
        assertThat(summary.headline()).isEqualTo("Add genre “Drama”: 2 changed, 1 unchanged, 2 conflicts");
    }
}
