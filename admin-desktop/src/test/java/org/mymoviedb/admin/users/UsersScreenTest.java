package org.mymoviedb.admin.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.api.UserAccount;
import org.mymoviedb.admin.support.AdminAppTest;
import org.mymoviedb.auth.PasswordHasher;
import org.mymoviedb.auth.Role;
import org.mymoviedb.auth.UserAccounts;
import org.testfx.matcher.control.LabeledMatchers;

/** The accounts screen and one's own password, in a real window against a real server. */
class UsersScreenTest extends AdminAppTest {

    private static final String ADMIN = "boss";
    private static final String ADMIN_PASSWORD = "the boss's long password";

    @BeforeAll
    static void anAdmin() {
        new UserAccounts(server.database().dsl(), new PasswordHasher()).create(null, ADMIN, ADMIN_PASSWORD, Role.ADMIN);
    }

    private TableView<UserAccount> users() {
        return lookup("#usersTable").queryTableView();
    }

    private UserAccount listed(String username) {
        return interactAndGet(() -> users().getItems().stream().filter(u -> u.username().equals(username))
                .findFirst().orElse(null));
    }

    private List<String> tabs() {
        return interactAndGet(() -> lookup(".tab-pane").queryAs(TabPane.class).getTabs().stream()
                .map(Tab::getText).toList());
    }

    private void select(String username) {
        // After a write the list reloads: wait for its rows to be drawn again.
        waitForIdle();
        waitUntil(() -> cellShows("#usersTable", username));
        clickOn(lookup("#usersTable .table-cell").match(LabeledMatchers.hasText(username)).queryLabeled());
    }

    @Test
    void anAdminCreatesAnAccountChangesItsRoleResetsItsPasswordAndDeletesIt() {
        signIn(ADMIN, ADMIN_PASSWORD);
        assertThat(text("#signedInAs")).isEqualTo("Signed in as boss (admin)");
        clickOn("#usersTab");
        waitUntil(() -> listed(EDITOR) != null);

        clickOn("#newUsername").write("jacques");
        clickOn("#createPassword").write("lola and the umbrellas");
        clickOn("#createPasswordRepeated").write("lola and the umbrellas");
        clickOn("#createUser");
        waitUntil(() -> listed("jacques") != null);
        assertThat(listed("jacques").role()).isEqualTo("EDITOR");

        select("jacques");
        interact(() -> lookup("#selectedRole").<ChoiceBox<String>>query().setValue("ADMIN"));
        clickOn("#changeRole");
        waitUntil(() -> "ADMIN".equals(listed("jacques").role()));

        select("jacques");
        clickOn("#resetPassword").write("the young girls of rochefort");
        clickOn("#resetPasswordRepeated").write("the young girls of rochefort");
        clickOn("#setPassword");
        waitUntil(() -> text("#usersMessage").startsWith("New password set for jacques"));
        assertThat(server.query("mutation { login(username: \"jacques\", password: \"the young girls of rochefort\") "
                + "{ token } }").get("data").get("login").get("token").isString()).isTrue();

        // The question's default is Cancel: Enter keeps the account.
        select("jacques");
        clickOn("#deleteUser");
        waitUntil(() -> lookup("#confirmDeleteUser").tryQuery().isPresent());
        push(KeyCode.ENTER);
        waitUntil(() -> lookup("#confirmDeleteUser").tryQuery().isEmpty());
        waitForIdle();
        assertThat(listed("jacques")).isNotNull();

        clickOn("#deleteUser");
        clickOn(lookup("#confirmDeleteUser .button").match(LabeledMatchers.hasText("Delete account")).queryButton());
        waitUntil(() -> listed("jacques") == null);
        assertThat(text("#usersMessage")).isEqualTo("Removed jacques");
    }

    @Test
    void anAdminWhoTriesToRemoveThemselvesIsShownTheServersReason() {
        signIn(ADMIN, ADMIN_PASSWORD);
        clickOn("#usersTab");
        waitUntil(() -> listed(ADMIN) != null);
        select(ADMIN);
        clickOn("#deleteUser");
        clickOn(lookup("#confirmDeleteUser .button").match(LabeledMatchers.hasText("Delete account")).queryButton());
        waitUntil(() -> !text("#usersError").isEmpty());
        assertThat(text("#usersError")).isEqualTo("You cannot remove your own account");
        assertThat(listed(ADMIN)).isNotNull();
    }

    @Test
    void anEditorSeesNeitherUsersNorTheAuditLog() {
        signIn();
        assertThat(text("#signedInAs")).isEqualTo("Signed in as " + EDITOR + " (editor)");
        assertThat(lookup("#genresTab").tryQuery()).isPresent();
        assertThat(tabs()).containsExactly("Movies", "Genres", "People");
    }

    @Test
    void afterSigningInAgainTheHeaderAndTabsFollowTheAccountsRoleAsItIsNow() {
        new UserAccounts(server.database().dsl(), new PasswordHasher())
                .create(null, "mona", "vagabond without roof", Role.ADMIN);
        signIn("mona", "vagabond without roof");
        assertThat(text("#signedInAs")).isEqualTo("Signed in as mona (admin)");
        assertThat(tabs()).contains("Users", "Audit log");

        // Another admin makes her an editor and sets a new password, which signs her out.
        String other = server.signedIn("other-admin", Role.ADMIN);
        String monaId = server.queryAs(other, "{ users { id username } }", java.util.Map.of()).get("data")
                .get("users").valueStream().filter(u -> u.get("username").asString().equals("mona")).findFirst()
                .orElseThrow().get("id").asString();
        server.queryAs(other, "mutation($id: ID!) { updateUser(id: $id, role: EDITOR, password: \"sans toit ni loi\")"
                + " { userErrors { code } } }", java.util.Map.of("id", monaId));

        // Reading the accounts needs a session: hers is gone, so the window asks for her password.
        clickOn("#usersTab");
        waitUntil(() -> lookup("#signIn").tryQuery().isPresent());
        clickOn("#password").write("sans toit ni loi");
        clickOn("#signIn");
        waitUntil(() -> lookup("#signIn").tryQuery().isEmpty());
        waitForIdle();
        assertThat(text("#signedInAs")).isEqualTo("Signed in as mona (editor)");
        // The tabs themselves, not their headers, which stay a moment while the tab pane animates them away.
        assertThat(tabs()).containsExactly("Movies", "Genres", "People");
    }

    @Test
    void anEditorChangesTheirOwnPasswordThenSignsInWithTheNewOne() {
        new UserAccounts(server.database().dsl(), new PasswordHasher())
                .create(null, "cleo", "from five to seven", Role.EDITOR);
        signIn("cleo", "from five to seven");
        clickOn("#changePassword");
        waitUntil(() -> lookup("#currentPassword").tryQuery().isPresent());
        clickOn("#currentPassword").write("not my password");
        clickOn("#newPassword").write("from five to seven thirty");
        clickOn("#repeatPassword").write("from five to seven thirty");
        clickOn("#changePasswordSubmit");
        waitUntil(() -> !text("#changePasswordError").isEmpty());
        assertThat(text("#changePasswordError")).isEqualTo("The current password is wrong");

        replaceText("#currentPassword", "from five to seven");
        clickOn("#changePasswordSubmit");
        waitUntil(() -> lookup("#currentPassword").tryQuery().isEmpty());

        clickOn("#logout");
        waitUntil(() -> lookup("#signIn").tryQuery().isPresent());
        signIn("cleo", "from five to seven thirty");
        assertThat(text("#signedInAs")).isEqualTo("Signed in as cleo (editor)");
    }
}
