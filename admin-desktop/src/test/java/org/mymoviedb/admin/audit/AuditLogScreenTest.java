package org.mymoviedb.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.api.HistoryEntry;
import org.mymoviedb.admin.support.AdminAppTest;
import org.mymoviedb.auth.PasswordHasher;
import org.mymoviedb.auth.Role;
import org.mymoviedb.auth.UserAccounts;
import org.testfx.matcher.control.LabeledMatchers;
import tools.jackson.databind.JsonNode;

/** The audit log in a real window: filtered by entry, a deleted movie's writes included, read in words. */
class AuditLogScreenTest extends AdminAppTest {

    private static String deletedMovieId;

    @BeforeAll
    static void aMovieWrittenThenDeleted() {
        new UserAccounts(server.database().dsl(), new PasswordHasher())
                .create(null, "boss", "the boss's long password", Role.ADMIN);
        String token = server.signedIn("writer", Role.EDITOR);
        JsonNode created = server.queryAs(token, "mutation { createMovie(input: {title: \"Alien\", releaseDate: "
                + "\"1979-05-25\", genres: [{name: \"Horror\"}]}) { movie { id version } } }", Map.of())
                .get("data").get("createMovie").get("movie");
        deletedMovieId = created.get("id").asString();
        JsonNode updated = server.queryAs(token, "mutation($id: ID!) { updateMovie(id: $id, expectedVersion: 1, "
                + "input: {runtimeMinutes: 117}) { movie { version } } }", Map.of("id", deletedMovieId))
                .get("data").get("updateMovie").get("movie");
        server.queryAs(token, "mutation($id: ID!, $v: Int!) { deleteMovie(id: $id, expectedVersion: $v) "
                + "{ deletedIds } }", Map.of("id", deletedMovieId, "v", updated.get("version").asInt()));
        server.queryAs(token, "mutation { createGenre(name: \"Peplum\") { genre { id } } }", Map.of());
    }

    private List<String> actionsShown() {
        TableView<HistoryEntry> table = lookup("#auditTable").queryTableView();
        return interactAndGet(() -> table.getItems().stream().map(e -> e.entityType() + ":" + e.action()).toList());
    }

    @Test
    void filtersByEntryAndShowsAReadableChange() {
        signIn("boss", "the boss's long password");
        clickOn("#auditTab");
        waitUntil(() -> actionsShown().contains("GENRE:CREATE"));

        clickOn("#auditEntityType");
        clickOn(lookup(".list-cell").match(LabeledMatchers.hasText("Movie")).queryLabeled());
        clickOn("#auditEntityId").write(deletedMovieId);
        clickOn("#auditApply");
        waitUntil(() -> actionsShown().equals(List.of("MOVIE:DELETE", "MOVIE:UPDATE", "MOVIE:CREATE")));
        waitUntil(() -> cellShows("#auditTable", "Runtime: empty → 117 min"));
        assertThat(cellShows("#auditTable", "Movie " + deletedMovieId + "\n“Alien”")).isTrue();

        clickOn("#auditClear");
        settle();
        waitUntil(() -> actionsShown().contains("GENRE:CREATE"));
    }
}
