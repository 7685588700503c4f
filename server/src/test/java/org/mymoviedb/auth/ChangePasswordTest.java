package org.mymoviedb.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.jooq.Tables.APP_USER;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.http.Json;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/** changePassword: proven by the current password, throttled like sign-in, and signing out the other sessions. */
class ChangePasswordTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass();

    private static final String CHANGE = """
            mutation($c: String!, $n: String!) {
              changePassword(currentPassword: $c, newPassword: $n) { user { username } userErrors { field code message } }
            }""";
    private static final String LOGIN = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) "
            + "{ token userErrors { code } } }";
    private static final String ME = "{ me { username } }";

    @Test
    void theOwnerChangesItKeepingThisSessionAndSigningOutTheOthers() {
        String here = server.signedIn("agnes", Role.EDITOR);
        String elsewhere = login("agnes", "correct horse battery agnes").get("token").asString();

        JsonNode changed = change(here, "correct horse battery agnes", "the beaches of agnes");
        assertThat(changed.get("userErrors").size()).isZero();
        assertThat(changed.get("user").get("username").asString()).isEqualTo("agnes");

        assertThat(server.queryAs(here, ME, Map.of()).get("data").get("me").get("username").asString())
                .as("the session that asked stays signed in").isEqualTo("agnes");
        HttpResponse<String> other = server.send(HttpRequest.newBuilder(server.uri("/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + elsewhere)
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(Map.of("query", ME))))
                .build());
        assertThat(other.statusCode()).as("every other session of the account is signed out: " + other.body())
                .isEqualTo(401);
        assertThat(other.body()).contains("UNAUTHENTICATED");
        assertThat(login("agnes", "correct horse battery agnes").get("userErrors").get(0).get("code").asString())
                .isEqualTo("INVALID_CREDENTIALS");
        assertThat(login("agnes", "the beaches of agnes").get("token").isString()).isTrue();

        String agnesId = server.queryAs(here, "{ me { id } }", Map.of()).get("data").get("me").get("id").asString();
        String admin = server.signedIn("boss", Role.ADMIN);
        JsonNode log = server.queryAs(admin, "query($u: ID) { auditLog(first: 5, user: $u, entityType: USER, "
                + "action: UPDATE) { edges { node { username entityLabel changes { field } } } } }",
                Map.of("u", agnesId)).get("data").get("auditLog");
        assertThat(log.get("edges").size()).isEqualTo(1);
        assertThat(log.get("edges").get(0).get("node").get("username").asString()).isEqualTo("agnes");
        assertThat(log.toString()).contains("password").doesNotContain("beaches");
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndThrottledLikeASignIn() {
        String token = server.signedIn("jacques", Role.ADMIN);
        String hashBefore = passwordHash("jacques");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USERNAME; i++) {
            JsonNode wrong = change(token, "guess " + i, "lola and the umbrellas").get("userErrors").get(0);
            assertThat(wrong.get("code").asString()).isEqualTo("INVALID_CREDENTIALS");
            assertThat(wrong.get("field").get(0).asString()).isEqualTo("currentPassword");
        }
        JsonNode answer = server.queryAs(token, CHANGE,
                Map.of("c", "correct horse battery jacques", "n", "lola and the umbrellas"));
        JsonNode payload = answer.get("data").get("changePassword");
        assertThat(payload.get("userErrors").get(0).get("code").asString()).isEqualTo("THROTTLED");
        assertThat(payload.get("user").isNull()).isTrue();
        assertThat(answer.get("extensions").get("retryAfterSeconds").asLong()).isPositive();
        assertThat(login("jacques", "correct horse battery jacques").get("userErrors").get(0).get("code")
                .asString()).as("the failures count against signing in too").isEqualTo("THROTTLED");
        assertThat(passwordHash("jacques")).isEqualTo(hashBefore);
        assertThat(server.queryAs(token, ME, Map.of()).get("data").get("me").isNull()).isFalse();
    }

    @Test
    void theNewPasswordFollowsTheRulesOfEveryPassword() {
        String token = server.signedIn("cleo", Role.EDITOR);
        String hashBefore = passwordHash("cleo");
        for (String bad : new String[] {"short", " ".repeat(UserAccounts.MIN_PASSWORD_LENGTH)}) {
            JsonNode error = change(token, "correct horse battery cleo", bad).get("userErrors").get(0);
            assertThat(error.get("code").asString()).isEqualTo("VALIDATION");
            assertThat(error.get("field").get(0).asString()).isEqualTo("newPassword");
            assertThat(error.get("message").asString()).isEqualTo(UserAccounts.passwordProblem(bad));
        }
        assertThat(passwordHash("cleo")).isEqualTo(hashBefore);
    }

    @Test
    void nobodySignedInHasNoPasswordToChange() {
        JsonNode answer = server.query(CHANGE, Map.of("c", "anything at all", "n", "something long enough"));
        assertThat(answer.get("errors").get(0).get("extensions").get("code").asString()).isEqualTo("UNAUTHENTICATED");
    }

    private JsonNode change(String token, String current, String next) {
        return server.queryAs(token, CHANGE, Map.of("c", current, "n", next)).get("data").get("changePassword");
    }

    private JsonNode login(String username, String password) {
        return server.query(LOGIN, Map.of("u", username, "p", password)).get("data").get("login");
    }

    private String passwordHash(String username) {
        return server.database().dsl().select(APP_USER.PASSWORD_HASH).from(APP_USER)
                .where(APP_USER.USERNAME.eq(username)).fetchOne(APP_USER.PASSWORD_HASH);
    }
}
