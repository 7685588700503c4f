package org.mymoviedb.admin.movies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.movies.actions.BulkOutcome;
import org.mymoviedb.admin.shell.AdminSettings;
import org.mymoviedb.admin.shell.FileChoice;
import org.mymoviedb.admin.support.AdminAppTest;
import org.mymoviedb.auth.Role;
import tools.jackson.databind.JsonNode;

/**
 * The movie list's tools in the real app against a real server, under openbox: actions on the selected movies
 * with a colleague editing meanwhile, CSV export of every match, CSV import with the server's report, sorting by
 * runtime and last change, the "no director / rating / runtime" filters, director search from the search box and
 * the column chooser remembered. Each test names rows of its own by a prefix only it uses.
 */
class ListActionsTest extends AdminAppTest {

    private static final int FILLER = 230;
    private static String colleague;

    @TempDir
    Path folder;

    private TableView<Movie> table;

    @BeforeAll
    static void seed() {
        colleague = server.signedIn("colleague", Role.EDITOR);
        long varda = catalogue.person("Tools Varda");
        long cameron = catalogue.person("Tools Cameron Unique");
        for (int i = 0; i < 3; i++) {
            long id = catalogue.movie("Tools bulk " + i, LocalDate.of(1990 + i, 4, 2), 60, 100 + i);
            catalogue.credit(id, varda, 0);
            long other = catalogue.movie("Tools director " + i, LocalDate.of(1980 + i, 7, 9), 60, 100 + i);
            catalogue.credit(other, varda, 0);
        }
        for (int i = 0; i < FILLER; i++) {
            catalogue.movie(String.format("Tools export %03d", i), LocalDate.of(1950 + i % 50, 1, 1), 50, 90);
        }
        long found = catalogue.movie("Tools found by director", LocalDate.of(1986, 7, 18), 84, 137);
        catalogue.credit(found, cameron, 0);
        catalogue.movie("Tools sort short", LocalDate.of(2000, 1, 1), null, 61);
        long longest = catalogue.movie("Tools sort long", LocalDate.of(2000, 1, 2), 70, 250);
        catalogue.credit(longest, varda, 0);
        catalogue.movie("Tools sort unknown", LocalDate.of(2000, 1, 3), 70, null);
        catalogue.movie("Tools missing short", LocalDate.of(2000, 1, 1), null, 61);
        long directed = catalogue.movie("Tools missing long", LocalDate.of(2000, 1, 2), 70, 250);
        catalogue.credit(directed, varda, 0);
        catalogue.movie("Tools missing unknown", LocalDate.of(2000, 1, 3), 70, null);
    }

    @BeforeEach
    void signedIn() {
        signIn();
        table = lookup("#movieTable").queryTableView();
        waitUntil(() -> !table.getItems().isEmpty());
    }

    private List<String> titles() {
        return interactAndGet(() -> table.getItems().stream().map(Movie::title).toList());
    }

    private void show(String search, int rows) {
        replaceText("#search", search);
        waitUntil(() -> titles().size() == rows && titles().stream().allMatch(t -> t.startsWith(search)));
        settle();
    }

    private void selectAll(String firstTitle) {
        clickOn(cell(firstTitle)).push(KeyCode.CONTROL, KeyCode.A);
    }

    private static JsonNode movieNamed(String title) {
        return server.queryAs(colleague, "query($t: String) { movies(filter: {titleContains: $t}) { edges { node { "
                + "databaseId version runtime { minutes } genres { name } directors { name } } } } }",
                Map.of("t", title)).get("data").get("movies").get("edges").get(0).get("node");
    }

    private static void colleagueUpdates(String title, String input) {
        JsonNode movie = movieNamed(title);
        JsonNode answer = server.queryAs(colleague, "mutation($id: ID!, $v: Int!) { updateMovie(id: $id, "
                + "expectedVersion: $v, input: " + input + ") { userErrors { code } } }",
                Map.of("id", movie.get("databaseId").asString(), "v", movie.get("version").asInt()));
        assertThat(answer.get("data").get("updateMovie").get("userErrors")).isEmpty();
    }

    private static List<String> names(JsonNode list) {
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).map(n -> n.get("name").asString())
                .toList();
    }

    private Window main() {
        return app.stage();
    }

    /** Owned by the main window and centred on it, within a window manager's frame. */
    private void assertOwnedAndCentred(Window dialog) {
        assertThat(dialog).isInstanceOf(javafx.stage.Stage.class);
        assertThat(((javafx.stage.Stage) dialog).getOwner()).isSameAs(main());
        waitUntil(() -> interactAndGet(() ->
                Math.abs(dialog.getX() + dialog.getWidth() / 2 - main().getX() - main().getWidth() / 2) < 12));
        assertThat(dialog.getY() + dialog.getHeight() / 2)
                .isCloseTo(main().getY() + main().getHeight() / 2, within(40.0));
    }

    @Test
    void addsAGenreToTheSelectedMoviesOneByOneAndAColleaguesRuntimeChangeIsNoConflict() {
        show("Tools bulk", 3);
        selectAll("Tools bulk 0");
        // The list shows version 1 of each; meanwhile a colleague changes one runtime.
        colleagueUpdates("Tools bulk 1", "{runtimeMinutes: 142}");

        clickOn("#bulkActions").clickOn("Add genre…");
        waitUntil(() -> lookup("#bulkEditDialog").tryQuery().isPresent());
        DialogPane question = lookup("#bulkEditDialog").query();
        assertOwnedAndCentred(question.getScene().getWindow());
        assertThat(lookup("#bulkMovies").queryLabeled().getText())
                .contains("Tools bulk 0 (1990-04-02)", "Tools bulk 2 (1992-04-02)");
        clickOn("#bulkName").write("Tools western");
        clickOn("#bulkApply");

        waitUntil(() -> lookup("#bulkSummary").tryQuery().isPresent());
        DialogPane summary = lookup("#bulkSummary").query();
        assertOwnedAndCentred(summary.getScene().getWindow());
        assertThat(summary.getHeaderText()).isEqualTo("Add genre “Tools western”: 3 changed");
        TableView<BulkOutcome> outcomes = lookup("#bulkOutcomes").queryTableView();
        assertThat(outcomes.getItems()).extracting(BulkOutcome::line).containsExactly(
                "Tools bulk 0: Changed, added Tools western", "Tools bulk 1: Changed, added Tools western",
                "Tools bulk 2: Changed, added Tools western");
        clickOn(lookup("#bulkSummary .button").match(hasText("OK")).queryButton());

        for (int i = 0; i < 3; i++) {
            assertThat(names(movieNamed("Tools bulk " + i).get("genres"))).containsExactly("Tools western");
        }
        assertThat(movieNamed("Tools bulk 1").get("runtime").get("minutes").asInt()).isEqualTo(142);
        // The rows show the change in place, selection kept.
        waitUntil(() -> cellShows("#movieTable", "Tools western"));
        assertThat(interactAndGet(() -> table.getSelectionModel().getSelectedItems().size())).isEqualTo(3);
    }

    @Test
    void settingTheDirectorLeavesTheMovieWhoseDirectorsAColleagueChangedAndTheSummarySaysSo() {
        show("Tools director", 3);
        selectAll("Tools director 0");

        clickOn("#bulkActions").clickOn("Set director…");
        waitUntil(() -> lookup("#bulkEditDialog").tryQuery().isPresent());
        // The colleague's change lands while the question is open: the action is on the movies as the editor was
        // asked about them. (A change made earlier reaches the list live, so the editor would have seen it.)
        colleagueUpdates("Tools director 2", "{directors: [{name: \"Tools Jeunet\"}]}");
        clickOn("#bulkName").write("Tools Kurosawa");
        clickOn("#bulkApply");

        waitUntil(() -> lookup("#bulkSummary").tryQuery().isPresent());
        assertThat(lookup("#bulkSummary").queryAs(DialogPane.class).getHeaderText())
                .isEqualTo("Set director “Tools Kurosawa”: 2 changed, 1 conflict");
        TableView<BulkOutcome> outcomes = lookup("#bulkOutcomes").queryTableView();
        assertThat(outcomes.getItems().get(2).line()).isEqualTo("Tools director 2: Conflict, colleague changed "
                + "its directors to Tools Jeunet since the list showed it; left as it is");
        clickOn(lookup("#bulkSummary .button").match(hasText("OK")).queryButton());
        assertThat(names(movieNamed("Tools director 0").get("directors"))).containsExactly("Tools Kurosawa");
        assertThat(names(movieNamed("Tools director 2").get("directors"))).containsExactly("Tools Jeunet");
    }

    @Test
    void cancellingTheQuestionChangesNothing() {
        show("Tools bulk", 3);
        clickOn(cell("Tools bulk 0"));
        int version = movieNamed("Tools bulk 0").get("version").asInt();
        clickOn("#bulkActions").clickOn("Remove genre…");
        waitUntil(() -> lookup("#bulkEditDialog").tryQuery().isPresent());
        clickOn("#bulkName").write("Tools western");
        push(KeyCode.ESCAPE);
        waitUntil(() -> lookup("#bulkEditDialog").tryQuery().isEmpty());
        settle();
        assertThat(lookup("#bulkSummary").tryQuery()).isEmpty();
        assertThat(movieNamed("Tools bulk 0").get("version").asInt()).isEqualTo(version);
    }

    @Test
    void exportsEveryMatchNotOnlyTheLoadedRows() throws IOException {
        show("Tools export", MovieListViewModel.PAGE_SIZE);
        assertThat(text("#totalCount")).isEqualTo(FILLER + " movies, 100 loaded");
        Path target = folder.resolve("export.csv");
        interact(() -> lookup("#exportCsv").query().getProperties().put(FileChoice.KEY, fixed(target)));

        clickOn("#exportCsv");

        waitUntil(() -> lookup("#exportOutcome").tryQuery().map(n -> !text("#exportOutcome").isEmpty()).orElse(false));
        assertThat(text("#exportOutcome")).isEqualTo("Exported " + FILLER + " movies to " + target + ".");
        assertThat(text("#exportCount")).isEqualTo(FILLER + " of " + FILLER + " movies written");
        assertOwnedAndCentred(lookup("#exportProgress").query().getScene().getWindow());
        List<String> lines = Files.readAllLines(target, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(FILLER + 1);
        assertThat(lines.get(0)).isEqualTo("title,releaseDate,rating,runtimeMinutes,genres,directors");
        assertThat(lines.get(1)).isEqualTo("Tools export 000,1950-01-01,50,90,,");
        assertThat(lines.get(FILLER)).startsWith("Tools export 229,");
        clickOn("#exportClose");
    }

    @Test
    void importsAFileThroughTheServerShowsItsReportAndTheListShowsTheNewMovies() throws IOException {
        Path file = folder.resolve("import.csv");
        Files.writeString(file, "title,releaseDate,rating,runtimeMinutes,genres,directors\n"
                + "Tools imported one,1999-03-31,80,136,Tools noir,Tools Wachowski\n"
                + "Tools imported two,2001-01-01,,,,\n"
                + ",2001-01-01,,,,\n");
        interact(() -> lookup("#importCsv").query().getProperties().put(FileChoice.KEY, fixed(file)));
        clickOn("#importCsv");
        waitUntil(() -> lookup("#importDialog").tryQuery().isPresent());
        assertOwnedAndCentred(lookup("#importDialog").query().getScene().getWindow());
        clickOn("#importChoose");
        assertThat(text("#importFile")).isEqualTo(file.toString());

        clickOn("#importCheck");
        waitUntil(() -> text("#importSummary").startsWith("Dry run"));
        assertThat(text("#importSummary")).contains("3 rows read", "2 added", "1 rejected");
        TableView<?> rejections = lookup("#importRejections").queryTableView();
        waitUntil(() -> interactAndGet(() -> rejections.getItems().size() == 1));
        waitUntil(() -> cellShows("#importRejections", "line 4"));
        assertThat(cellShows("#importRejections", "(no title)")).isTrue();
        assertThat(cellShows("#importRejections", "title is missing")).isTrue();
        assertThat(server.query("{ movies(filter: {titleContains: \"Tools imported\"}) { totalCount } }")
                .get("data").get("movies").get("totalCount").asInt()).isZero();

        clickOn("#importRun");
        waitUntil(() -> text("#importSummary").startsWith("Imported: "));
        clickOn("#importClose");
        show("Tools imported", 2);
        assertThat(titles()).containsExactly("Tools imported one", "Tools imported two");
        assertThat(text("#totalCount")).isEqualTo("2 movies, 2 loaded");
    }

    @Test
    void sortsByRuntimeAndByLastChangeOnTheServer() {
        show("Tools sort", 3);
        clickOn("#columnRuntime");
        waitUntil(() -> titles().equals(List.of("Tools sort unknown", "Tools sort short", "Tools sort long")));
        clickOn("#columnRuntime");
        waitUntil(() -> titles().equals(List.of("Tools sort long", "Tools sort short", "Tools sort unknown")));

        colleagueUpdates("Tools sort short", "{rating: 10}");
        clickOn("#columnChanged");
        clickOn("#columnChanged");
        waitUntil(() -> titles().get(0).equals("Tools sort short"));
        assertThat(interactAndGet(() -> table.getColumns().stream().filter(c -> "columnChanged".equals(c.getId()))
                .findFirst().orElseThrow().getSortType())).isEqualTo(TableColumn.SortType.DESCENDING);
    }

    @Test
    void filtersTheMoviesWithNoDirectorNoRatingOrNoRuntime() {
        show("Tools missing", 3);
        clickOn("#noDirector");
        waitUntil(() -> titles().equals(List.of("Tools missing short", "Tools missing unknown")));
        clickOn("#noRating");
        waitUntil(() -> titles().equals(List.of("Tools missing short")));
        assertThat(text("#totalCount")).isEqualTo("1 movie");
        clickOn("#noRating").clickOn("#noRuntime");
        waitUntil(() -> titles().equals(List.of("Tools missing unknown")));
        clickOn("#clearFilters");
        waitUntil(() -> interactAndGet(() -> !((javafx.scene.control.CheckBox) lookup("#noRuntime").query())
                .isSelected()));
        settle();
    }

    @Test
    void theSearchBoxFindsMoviesByTheirDirectorsAndTheFullReleaseDateShows() {
        replaceText("#search", "cameron unique");
        waitUntil(() -> titles().equals(List.of("Tools found by director")));
        waitUntil(() -> cellShows("#movieTable", "1986-07-18"));
        assertThat(text("#totalCount")).isEqualTo("1 movie");
    }

    @Test
    void theColumnChooserIsRememberedWhenSigningInAgain() {
        clickOn(".show-hide-columns-button");
        // The chooser's entry (a check box or a check menu item, drawn as a labelled node in the popup).
        clickOn(lookup(".context-menu *").match(node -> node instanceof javafx.scene.control.Labeled labeled
                && "Runtime".equals(labeled.getText())).<Node>query());
        waitUntil(() -> !column("columnRuntime").isVisible());
        push(KeyCode.ESCAPE);
        assertThat(new AdminSettings(preferences).hiddenColumns()).containsExactly("columnRuntime");

        clickOn("#logout");
        waitUntil(() -> lookup("#signIn").tryQuery().isPresent());
        signIn();
        table = lookup("#movieTable").queryTableView();
        assertThat(column("columnRuntime").isVisible()).isFalse();
        assertThat(column("columnChanged").isVisible()).isTrue();
    }

    private TableColumn<Movie, ?> column(String id) {
        return interactAndGet(() -> table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst()
                .orElseThrow());
    }

    /** A file chooser that always answers {@code path}, as the editor would have chosen it. */
    private static FileChoice fixed(Path path) {
        return new FileChoice() {
            @Override
            public Path save(Window owner, String title, String suggestedName) {
                return path;
            }

            @Override
            public Path open(Window owner, String title) {
                return path;
            }
        };
    }
}
