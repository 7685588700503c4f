package org.mymoviedb.admin.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.support.AdminAppTest;
import org.mymoviedb.admin.support.SwitchableProxy;
import org.mymoviedb.auth.PasswordHasher;
import org.mymoviedb.auth.Role;
import org.mymoviedb.auth.UserAccounts;

/** The server going away, answering too late, or forgetting the session: the editor loses nothing. */
class ResilienceTest extends AdminAppTest {

    private static final String CRITIC = "critic";
    private static final String CRITIC_PASSWORD = "another long password";

    private static SwitchableProxy proxy;

    @BeforeAll
    static void seedAndProxy() {
        new UserAccounts(server.database().dsl(), new PasswordHasher()).create(null, CRITIC, CRITIC_PASSWORD,
                Role.EDITOR);
        catalogue.movie("Stalker", LocalDate.of(1979, 5, 25), 86, 161);
        catalogue.movie("Solaris", LocalDate.of(1972, 3, 20), 85, 167);
        proxy = new SwitchableProxy(server.uri("/graphql"));
        // Short enough to wait out, long enough for a sign-in's password hashing on a busy two-core machine
        // (1.5 s was not: the first sign-in of the class timed out under load).
        System.setProperty("mymoviedb.admin.timeoutMillis", "4000");
    }

    @AfterAll
    static void closeProxy() {
        proxy.close();
        System.clearProperty("mymoviedb.admin.timeoutMillis");
    }

    private TableView<Movie> table;

    @Override
    protected String serverUrl() {
        return proxy.uri().toString();
    }

    @BeforeEach
    void signedIn() {
        proxy.up();
        signIn();
        table = lookup("#movieTable").queryTableView();
        waitUntil(() -> table.getItems().stream().anyMatch(m -> m.title().equals("Solaris")));
    }

    @AfterEach
    void serverBack() {
        proxy.up();
    }

    private boolean bannerShown() {
        return lookup("#banner").tryQuery().map(node -> node.isVisible()).orElse(false);
    }

    @Test
    void aServerThatIsDownGetsABannerWithRetryAndTheSearchSurvives() {
        proxy.down();
        replaceText("#search", "stalk");

        waitUntil(this::bannerShown);
        assertThat(text("#bannerMessage")).startsWith("Cannot reach the server at " + proxy.uri());
        // The window still answers: the editor can keep typing while the server is away.
        clickOn("#directorFilter").write("x");
        push(KeyCode.BACK_SPACE);
        assertThat(text("#search")).isEqualTo("stalk");

        proxy.up();
        clickOn("#retry");
        waitUntil(() -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).title()).isEqualTo("Stalker");
        waitUntil(() -> !bannerShown());
    }

    @Test
    void aSaveThatTimesOutKeepsTheFormAndRetries() {
        clickOn(cell("Solaris"));
        push(KeyCode.ENTER);
        waitUntil(() -> lookup("#save").tryQuery().isPresent());
        replaceText("#rating", "91");
        proxy.slow(9000);
        push(KeyCode.CONTROL, KeyCode.S);

        // The form's own banner (the main window's shows the same behind it).
        Window form = lookup("#save").query().getScene().getWindow();
        waitUntil(() -> !text(form, "#bannerMessage").isEmpty());
        assertThat(text(form, "#bannerMessage")).contains("did not answer within 4 s");
        assertThat(text("#rating")).isEqualTo("91");

        proxy.up();
        clickOn(from(form.getScene().getRoot()).lookup("#retry").<javafx.scene.Node>query());
        waitUntil(() -> lookup("#save").tryQuery().isEmpty());
        waitUntil(() -> ratingOf("Solaris") == 91);
    }

    @Test
    void anExpiredSessionAsksToSignInAgainThenFinishesTheSave() {
        saveAfterTheSessionWasRevoked("Mirror");

        assertThat(text("#title")).isEqualTo("Mirror");
        clickOn("#password").write(PASSWORD);
        clickOn("#signIn");

        // Back where the editor was: the save went through and the form closed.
        waitUntil(() -> lookup("#save").tryQuery().isEmpty());
        waitUntil(() -> ratingOf("Mirror") == 84);
        assertThat(lookup("#signIn").tryQuery()).isEmpty();
    }

    /**
     * Ends the editor's sessions through the server, as an admin's password reset does (to the same password), so
     * the server refuses the token at once. Sessions deleted behind the server's back would be noticed only once
     * its remembered look-up is stale (SessionCache.FRESHNESS).
     */
    private static void signEditorOutEverywhere() {
        if (admin == null) {
            admin = server.signedIn("resetter", Role.ADMIN);
        }
        Object editorId = server.database().dsl().fetchValue("select id from app_user where username = ?", EDITOR);
        var reset = server.queryAs(admin, "mutation($id: ID!, $pw: String) { updateUser(id: $id, password: $pw) "
                + "{ userErrors { code } } }", Map.of("id", String.valueOf(editorId), "pw", PASSWORD));
        assertThat(reset.get("data").get("updateUser").get("userErrors").size()).as("%s", reset).isZero();
    }

    private static String admin;

    /** Starts a new movie, ends the session on the server, and saves: the re-sign-in dialog opens. */
    private void saveAfterTheSessionWasRevoked(String title) {
        push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(() -> lookup("#save").tryQuery().isPresent());
        clickOn("#title").write(title);
        clickOn("#releaseDate").write("1975-03-07");
        clickOn("#rating").write("84");
        signEditorOutEverywhere();
        clickOn("#save");
        waitUntil(() -> lookup("#signIn").tryQuery().isPresent());
    }

    @Test
    void signingInAgainIsForTheSameAccountOnlyAndTheSaveIsRecordedAsIt() {
        saveAfterTheSessionWasRevoked("Nostalghia");

        // The account is fixed: typing another name changes nothing, and the other's password does not fit it.
        assertThat(text("#username")).isEqualTo(EDITOR);
        replaceText("#username", CRITIC);
        assertThat(text("#username")).isEqualTo(EDITOR);
        assertThat(lookup("#username").<TextField>query().isEditable()).isFalse();
        clickOn("#password").write(CRITIC_PASSWORD);
        clickOn("#signIn");
        waitUntil(() -> !text("#loginError").isEmpty());
        assertThat(lookup("#save").tryQuery()).isPresent();

        replaceText("#password", PASSWORD);
        clickOn("#signIn");

        waitUntil(() -> lookup("#save").tryQuery().isEmpty());
        waitUntil(() -> ratingOf("Nostalghia") == 84);
        assertThat(lookup("#signIn").tryQuery()).isEmpty();
        assertThat(text("#signedInAs")).isEqualTo("Signed in as editor (editor)");
        assertThat(historyOf("Nostalghia")).containsExactly(EDITOR);
    }

    @Test
    void signingInAsSomeoneElseIsExplicitAsksAboutTheFormAndSwitchesTheWholeWindow() {
        saveAfterTheSessionWasRevoked("The Sacrifice");

        clickOn("#signInAsSomeoneElse");
        waitUntil(() -> lookup("#confirmDiscard").tryQuery().isPresent());
        DialogPane confirm = lookup("#confirmDiscard").query();
        ButtonType discard = confirm.getButtonTypes().stream()
                .filter(type -> type.getButtonData() != ButtonBar.ButtonData.CANCEL_CLOSE).findFirst().orElseThrow();
        clickOn(confirm.lookupButton(discard));

        // The login screen, in the main window, with the server open to choose again.
        waitUntil(() -> lookup("#save").tryQuery().isEmpty() && lookup("#movieTable").tryQuery().isEmpty());
        assertThat(lookup("#signInAsSomeoneElse").tryQuery()).isEmpty();
        assertThat(lookup("#serverUrl").query().isDisabled()).isFalse();
        replaceText("#username", CRITIC);
        replaceText("#password", CRITIC_PASSWORD);
        clickOn("#signIn");
        waitUntil(() -> lookup("#movieTable").tryQuery().isPresent());
        assertThat(text("#signedInAs")).isEqualTo("Signed in as critic (editor)");
        assertThat(ratingOf("The Sacrifice")).isEqualTo(-1);
    }

    /** Who wrote each history entry of the movie, newest first, as an editor reads it through the API. */
    private List<String> historyOf(String title) {
        String token = server.query("mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }",
                Map.of("u", CRITIC, "p", CRITIC_PASSWORD)).get("data").get("login").get("token").asString();
        var movies = server.queryAs(token, "query($t: String) { movies(filter: {titleContains: $t}) { edges { node {"
                + " history(first: 10) { edges { node { username } } } } } } }", Map.of("t", title))
                .get("data").get("movies").get("edges");
        List<String> users = new ArrayList<>();
        movies.get(0).get("node").get("history").get("edges").forEach(edge -> users.add(edge.get("node").get("username").asString()));
        return users;
    }

    private String text(Window window, String query) {
        return from(window.getScene().getRoot()).lookup(query).queryLabeled().getText();
    }

    private int ratingOf(String title) {
        var edges = server.query("query($t: String) { movies(filter: {titleContains: $t}) { edges { node { rating } } } }",
                Map.of("t", title)).get("data").get("movies").get("edges");
        return edges.isEmpty() ? -1 : edges.get(0).get("node").get("rating").asInt();
    }
}
