package org.mymoviedb.admin.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.prefs.BackingStoreException;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.shell.AdminSettings;
import org.mymoviedb.admin.support.AdminAppTest;
import org.mymoviedb.admin.support.CannedServer;

class LoginTest extends AdminAppTest {

    private int port() {
        return server.uri("/graphql").getPort();
    }

    private void signInAt(String typedUrl) {
        replaceText("#serverUrl", typedUrl);
        replaceText("#username", EDITOR);
        replaceText("#password", PASSWORD);
        clickOn("#signIn");
    }

    private boolean spinning() {
        return lookup("#signInProgress").tryQuery().map(Node::isVisible).orElse(false);
    }

    @Test
    void hostAndPortAloneAreCompletedToTheGraphQLEndpoint() {
        signInAt("localhost:" + port());
        waitUntil(() -> lookup("#movieTable").tryQuery().isPresent());

        assertThat(preferences.get("serverUrl", null)).isEqualTo("http://localhost:" + port() + "/graphql");
    }

    @Test
    void aBaseUrlIsCompletedAndTheCompletedUrlIsWhatIsRememberedAndShown() {
        signInAt("http://127.0.0.1:" + port());
        waitUntil(() -> lookup("#movieTable").tryQuery().isPresent());
        waitForIdle();

        String completed = "http://127.0.0.1:" + port() + "/graphql";
        assertThat(preferences.get("serverUrl", null)).isEqualTo(completed);
        clickOn("#logout");
        waitUntil(() -> lookup("#signIn").tryQuery().isPresent());
        assertThat(text("#serverUrl")).isEqualTo(completed);
    }

    @Test
    void aUrlThatRedirectsWithAnEmptyBodyStopsTheSpinnerNamesTheServerAndTheFixedUrlSignsIn() {
        try (CannedServer redirecting = new CannedServer()) {
            // What a reverse proxy in front of the server might do with plain http.
            redirecting.answers(302, Map.of("Location", "https://movies.example.org/graphql"), "");
            String wrong = redirecting.uri("/graphql").toString();
            signInAt(wrong);

            waitUntil(() -> !text("#loginError").isEmpty());
            assertThat(text("#loginError")).isEqualTo(wrong + " did not answer as a mymoviedb GraphQL API (HTTP 302,"
                    + " redirect to https://movies.example.org/graphql, empty body)");
            assertThat(spinning()).isFalse();
            assertThat(lookup("#signIn").query().isDisabled()).isFalse();

            replaceText("#serverUrl", serverUrl());
            replaceText("#password", PASSWORD);
            clickOn("#signIn");
            waitUntil(() -> lookup("#movieTable").tryQuery().isPresent());
            assertThat(lookup("#signInProgress").tryQuery()).isEmpty();
        }
    }

    @Test
    void aUrlThatAnswersWithAnHtmlPageNamesTheServer() {
        String graphiql = server.uri("/graphiql").toString();
        signInAt(graphiql);

        waitUntil(() -> !text("#loginError").isEmpty());
        assertThat(text("#loginError"))
                .isEqualTo(graphiql + " did not answer as a mymoviedb GraphQL API (HTTP 200, an HTML page)");
        assertThat(spinning()).isFalse();
        assertThat(lookup("#signIn").query().isDisabled()).isFalse();
    }

    @Test
    void aUrlThatIsNoServerAtAllIsRefusedBeforeTrying() {
        signInAt("ftp://127.0.0.1:" + port());

        waitUntil(() -> !text("#loginError").isEmpty());
        assertThat(text("#loginError")).contains("http://host:8080/graphql");
        assertThat(spinning()).isFalse();
    }

    @Test
    void aWrongPasswordIsSaidOnTheLoginScreen() {
        replaceText("#serverUrl", serverUrl());
        replaceText("#username", EDITOR);
        replaceText("#password", "not the password");
        clickOn("#signIn");
        waitUntil(() -> !text("#loginError").isEmpty());

        assertThat(text("#loginError")).containsIgnoringCase("password");
        assertThat(lookup("#movieTable").tryQuery()).isEmpty();
    }

    @Test
    void anUnreachableServerIsSaidOnTheLoginScreen() {
        replaceText("#serverUrl", "http://127.0.0.1:9/graphql");
        replaceText("#username", EDITOR);
        replaceText("#password", PASSWORD);
        clickOn("#signIn");
        waitUntil(() -> !text("#loginError").isEmpty());

        assertThat(text("#loginError")).contains("Cannot reach the server at http://127.0.0.1:9/graphql");
    }

    @Test
    void signingInShowsWhoAndRemembersTheServerButNeverThePassword() throws BackingStoreException {
        assertThat(text("#serverUrl")).isEqualTo(AdminSettings.DEFAULT_SERVER_URL);

        signIn();

        assertThat(text("#signedInAs")).isEqualTo("Signed in as editor (editor)");
        assertThat(preferences.get("serverUrl", null)).isEqualTo(serverUrl());
        assertThat(Arrays.stream(preferences.keys()).map(key -> preferences.get(key, "")))
                .isNotEmpty().noneMatch(value -> value.contains(PASSWORD));

        clickOn("#logout");
        waitUntil(() -> lookup("#signIn").tryQuery().isPresent());
        // The next start (and this login screen) offers the remembered server and username.
        assertThat(text("#serverUrl")).isEqualTo(serverUrl());
        assertThat(text("#username")).isEqualTo(EDITOR);
        assertThat(text("#password")).isEmpty();
    }
}
