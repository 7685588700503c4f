package org.mymoviedb.admin.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.prefs.BackingStoreException;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.shell.AdminSettings;
import org.mymoviedb.admin.support.AdminAppTest;

class LoginTest extends AdminAppTest {

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
