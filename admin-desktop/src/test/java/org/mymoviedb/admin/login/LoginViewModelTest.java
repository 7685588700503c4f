package org.mymoviedb.admin.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.jooq.Tables.USER_SESSION;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.SignedInUser;
import org.mymoviedb.admin.shell.AdminSettings;
import org.mymoviedb.admin.shell.Background;
import org.mymoviedb.admin.support.ViewModelTest;
import org.mymoviedb.auth.PasswordHasher;
import org.mymoviedb.auth.Role;
import org.mymoviedb.auth.UserAccounts;

/** The sign-in state machine without a window: whatever goes wrong, the form stops being busy and says why. */
class LoginViewModelTest extends ViewModelTest {

    private final Preferences preferences = Preferences.userRoot().node("mymoviedb-tests/" + UUID.randomUUID());
    private final AdminSettings settings = new AdminSettings(preferences);
    private final Background background = inline();
    private final List<Boolean> busyChanges = new ArrayList<>();
    private final List<SignedInUser> signedIn = new ArrayList<>();

    @BeforeAll
    static void colleague() {
        new UserAccounts(server.database().dsl(), new PasswordHasher())
                .create(null, "colleague", "another long password", Role.EDITOR);
    }

    @AfterEach
    void forgetSettings() throws BackingStoreException {
        preferences.removeNode();
    }

    private LoginViewModel login(CatalogueClient client) {
        LoginViewModel login = new LoginViewModel(client, settings, background);
        watch(login);
        return login;
    }

    private void watch(LoginViewModel login) {
        login.busy().addListener((obs, old, busy) -> busyChanges.add(busy));
        login.onSignedIn(signedIn::add);
    }

    private static void fill(LoginViewModel login, String url, String username, String password) {
        login.serverUrl().set(url);
        login.username().set(username);
        login.password().set(password);
    }

    @Test
    void signingInCompletesTheUrlRemembersItAndTheUsernameButNotThePassword() {
        LoginViewModel login = login(client());
        String base = server.uri("/").toString();
        fill(login, base.substring("http://".length()), " " + EDITOR + " ", PASSWORD);

        login.signIn();

        assertThat(signedIn).extracting(SignedInUser::username).containsExactly(EDITOR);
        assertThat(busyChanges).containsExactly(true, false);
        assertThat(login.serverUrl().get()).isEqualTo(server.uri("/graphql").toString());
        assertThat(login.password().get()).isEmpty();
        assertThat(login.error().get()).isEmpty();
        assertThat(settings.serverUrl()).isEqualTo(server.uri("/graphql").toString());
        assertThat(settings.username()).isEqualTo(EDITOR);
    }

    @Test
    void aWrongPasswordEndsTheBusyStateWithTheServersReasonAndRemembersNothing() {
        LoginViewModel login = login(client());
        fill(login, server.uri("/graphql").toString(), EDITOR, "not the password");

        login.signIn();

        assertThat(busyChanges).containsExactly(true, false);
        assertThat(login.error().get()).isNotEmpty();
        assertThat(signedIn).isEmpty();
        assertThat(settings.serverUrl()).isEqualTo(AdminSettings.DEFAULT_SERVER_URL);
    }

    @Test
    void anUnreachableServerEndsTheBusyStateAndSaysSo() {
        LoginViewModel login = login(new CatalogueClient(URI.create("http://127.0.0.1:1/graphql"),
                Duration.ofSeconds(5)));
        fill(login, "127.0.0.1:1", EDITOR, PASSWORD);

        login.signIn();

        assertThat(busyChanges).containsExactly(true, false);
        assertThat(login.error().get()).isNotEmpty();
        assertThat(signedIn).isEmpty();
    }

    @Test
    void whatCannotBeTriedIsRefusedWithoutEverBeingBusy() {
        LoginViewModel login = login(client());
        fill(login, "ftp://example.org", EDITOR, PASSWORD);
        login.signIn();
        assertThat(login.error().get()).startsWith("The server URL looks like");

        fill(login, server.uri("/graphql").toString(), EDITOR, "");
        login.signIn();
        assertThat(login.error().get()).isEqualTo("Enter your username and password");

        fill(login, server.uri("/graphql").toString(), "  ", PASSWORD);
        login.signIn();
        assertThat(login.error().get()).isEqualTo("Enter your username and password");

        assertThat(busyChanges).isEmpty();
        assertThat(signedIn).isEmpty();
    }

    @Test
    void signingInAgainIsAsTheSameAccountAndAFailedTryEndsTheBusyState() {
        CatalogueClient client = client();
        SignedInUser editor = client.login(EDITOR, PASSWORD);
        client.forgetSession();
        LoginViewModel again = LoginViewModel.again(client, settings, background, editor);
        watch(again);
        // The account is fixed: a colleague's name typed into the box is not who signs in.
        again.username().set("colleague");
        again.password().set("another long password");

        again.signIn();

        assertThat(busyChanges).containsExactly(true, false);
        assertThat(signedIn).isEmpty();
        assertThat(again.error().get()).isNotEmpty();

        again.password().set(PASSWORD);
        again.signIn();

        assertThat(busyChanges).containsExactly(true, false, true, false);
        assertThat(signedIn).extracting(SignedInUser::username).containsExactly(EDITOR);
        assertThat(client.signedIn()).isTrue();
    }

    @Test
    void aTokenTheServerNoLongerKnowsIsForgottenAndTheEditorAskedToSignInAgain() {
        CatalogueClient client = client();
        SignedInUser editor = client.login(EDITOR, PASSWORD);
        // Expired on the server (as after SESSION_TTL_HOURS): the next call carries a token the server refuses.
        server.database().dsl().update(USER_SESSION)
                .set(USER_SESSION.EXPIRES_AT, OffsetDateTime.now().minusMinutes(1)).execute();
        List<Runnable> askedToSignIn = new ArrayList<>();
        background.signInAgain(askedToSignIn::add);
        List<Object> genres = new ArrayList<>();
        background.run(client::genres, genres::add);

        assertThat(askedToSignIn).hasSize(1);
        assertThat(genres).isEmpty();
        assertThat(client.signedIn()).as("the refused token is forgotten").isFalse();

        LoginViewModel again = LoginViewModel.again(client, settings, background, editor);
        watch(again);
        again.password().set(PASSWORD);
        again.signIn();
        assertThat(signedIn).extracting(SignedInUser::username).containsExactly(EDITOR);
        askedToSignIn.get(0).run();
        assertThat(genres).hasSize(1);
    }
}
