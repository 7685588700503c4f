package org.mymoviedb.admin.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.UserAccount;
import org.mymoviedb.admin.support.ViewModelTest;
import org.mymoviedb.auth.PasswordHasher;
import org.mymoviedb.auth.Role;
import org.mymoviedb.auth.UserAccounts;

/** The accounts screen and one's own password, without a window, against a real server. */
class UsersViewModelTest extends ViewModelTest {

    private static final String ADMIN = "boss";
    private static final String ADMIN_PASSWORD = "the boss's long password";

    @BeforeAll
    static void anAdmin() {
        new UserAccounts(server.database().dsl(), new PasswordHasher()).create(null, ADMIN, ADMIN_PASSWORD, Role.ADMIN);
    }

    private static CatalogueClient admin() {
        CatalogueClient client = client();
        client.login(ADMIN, ADMIN_PASSWORD);
        return client;
    }

    private static UserAccount named(UsersViewModel users, String username) {
        return users.users().stream().filter(u -> u.username().equals(username)).findFirst().orElse(null);
    }

    @Test
    void anAdminCreatesPromotesResetsAndRemovesAnAccount() {
        UsersViewModel users = new UsersViewModel(admin(), inline());
        users.reload();
        assertThat(users.users()).extracting(UserAccount::username).contains(ADMIN, EDITOR);

        users.create("jacques", "EDITOR", "lola and the umbrellas", "lola and the umbrella");
        assertThat(users.error().get()).isEqualTo(UsersViewModel.PASSWORDS_DIFFER);
        assertThat(named(users, "jacques")).isNull();

        users.create("jacques", "EDITOR", "short", "short");
        assertThat(users.error().get()).contains("12 characters");

        users.create("jacques", "EDITOR", "lola and the umbrellas", "lola and the umbrellas");
        assertThat(users.error().get()).isEmpty();
        assertThat(named(users, "jacques").role()).isEqualTo("EDITOR");

        users.changeRole(named(users, "jacques"), "ADMIN");
        assertThat(named(users, "jacques").role()).isEqualTo("ADMIN");

        users.resetPassword(named(users, "jacques"), "the young girls of rochefort",
                "the young girls of rochefort");
        assertThat(users.message().get()).contains("signed out");
        assertThat(client().login("jacques", "the young girls of rochefort").role()).isEqualTo("ADMIN");

        users.delete(named(users, "jacques"));
        assertThat(named(users, "jacques")).isNull();
        assertThat(users.message().get()).isEqualTo("Removed jacques");
    }

    @Test
    void anAdminCannotRemoveThemselvesAndIsToldSoByTheServer() {
        UsersViewModel users = new UsersViewModel(admin(), inline());
        users.reload();
        users.delete(named(users, ADMIN));
        assertThat(users.error().get()).isEqualTo("You cannot remove your own account");
        assertThat(named(users, ADMIN)).isNotNull();
    }

    @Test
    void anyoneChangesTheirOwnPasswordAndStaysSignedIn() {
        new UserAccounts(server.database().dsl(), new PasswordHasher())
                .create(null, "cleo", "from five to seven", Role.EDITOR);
        CatalogueClient cleo = client();
        cleo.login("cleo", "from five to seven");
        ChangePasswordViewModel change = new ChangePasswordViewModel(cleo, inline());

        change.current().set("from five to seven");
        change.chosen().set("from five to seven thirty");
        change.repeated().set("from five to seven");
        change.submit();
        assertThat(change.error().get()).contains("differ");

        change.current().set("not my password");
        change.repeated().set("from five to seven thirty");
        change.submit();
        assertThat(change.error().get()).isEqualTo("The current password is wrong");
        assertThat(change.changed().get()).isFalse();

        change.current().set("from five to seven");
        change.submit();
        assertThat(change.error().get()).isEmpty();
        assertThat(change.changed().get()).isTrue();
        assertThat(cleo.createGenre("Nouvelle vague").saved()).as("this session stays signed in").isNotNull();
        assertThat(client().login("cleo", "from five to seven thirty").username()).isEqualTo("cleo");
    }
}
