package org.mymoviedb.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.jooq.Tables.APP_USER;
import static org.mymoviedb.jooq.Tables.USER_SESSION;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.http.Json;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/** Sign-in, sessions, sign-out, throttling, and what is (not) stored. */
class AuthTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perTest();

    private static final String LOGIN = """
            mutation($u: String!, $p: String!) {
              login(username: $u, password: $p) { token expiresAt user { username role } userErrors { field message code } }
            }""";
    private static final String ME = "{ me { username role } }";
    private static final String CREATE_GENRE = "mutation { createGenre(name: \"Noir\") { genre { name } userErrors { code } } }";

    @BeforeEach
    void agnesHasAnAccount() {
        new UserAccounts(server.database().dsl(), new PasswordHasher())
                .create(null, "agnes", "the gleaners and I", Role.EDITOR);
    }

    @Test
    void signingInGivesATokenThatIdentifiesTheUserUntilSignOut() {
        JsonNode login = login("agnes", "the gleaners and I");
        assertThat(login.get("userErrors").size()).isZero();
        assertThat(login.get("user").get("role").asString()).isEqualTo("EDITOR");
        assertThat(OffsetDateTime.parse(login.get("expiresAt").asString())).isAfter(OffsetDateTime.now().plusHours(11));
        String token = login.get("token").asString();

        assertThat(server.queryAs(token, ME, Map.of()).get("data").get("me").get("username").asString())
                .isEqualTo("agnes");
        assertThat(server.queryAs(token, CREATE_GENRE, Map.of()).get("data").get("createGenre").get("genre")
                .get("name").asString()).isEqualTo("Noir");

        JsonNode logout = server.queryAs(token, "mutation { logout { revoked } }", Map.of());
        assertThat(logout.get("data").get("logout").get("revoked").asBoolean()).isTrue();
        assertStale(token, ME);
        assertStale(token, CREATE_GENRE);
    }

    @Test
    void anonymousCallersReadButAreNobody() {
        assertThat(server.query(ME).get("data").get("me").isNull()).isTrue();
        assertThat(server.query("{ movies { totalCount } }").get("errors")).isNull();
    }

    @Test
    void wrongPasswordAndUnknownUserLookTheSame() {
        JsonNode wrongPassword = login("agnes", "not the password").get("userErrors").get(0);
        JsonNode unknownUser = login("nobody-here", "not the password").get("userErrors").get(0);
        assertThat(wrongPassword.get("code").asString()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(unknownUser).isEqualTo(wrongPassword);
    }

    @Test
    void usernamesMatchInAnyCase() {
        assertThat(login("AGNES", "the gleaners and I").get("token").isString()).isTrue();
    }

    @Test
    void repeatedFailuresForOneUsernameAreThrottledEvenWithTheRightPassword() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USERNAME; i++) {
            assertThat(login("agnes", "guess " + i).get("userErrors").get(0).get("code").asString())
                    .isEqualTo("INVALID_CREDENTIALS");
        }
        JsonNode blocked = login("agnes", "the gleaners and I");
        assertThat(blocked.get("token").isNull()).isTrue();
        assertThat(blocked.get("userErrors").get(0).get("code").asString()).isEqualTo("THROTTLED");
    }

    @Test
    void repeatedFailuresFromOneAddressAreThrottledAcrossUsernames() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            login("someone-" + i, "guess");
        }
        assertThat(login("agnes", "the gleaners and I").get("userErrors").get(0).get("code").asString())
                .isEqualTo("THROTTLED");
    }

    @Test
    void passwordsAndTokensAreStoredOnlyAsHashes() {
        String token = login("agnes", "the gleaners and I").get("token").asString();
        String hash = server.database().dsl().select(APP_USER.PASSWORD_HASH).from(APP_USER)
                .where(APP_USER.USERNAME.eq("agnes")).fetchOne(APP_USER.PASSWORD_HASH);
        assertThat(hash).startsWith("$argon2id$").doesNotContain("gleaners");
        byte[] stored = server.database().dsl().select(USER_SESSION.TOKEN_HASH).from(USER_SESSION)
                .fetchOne(USER_SESSION.TOKEN_HASH);
        assertThat(stored).hasSize(32).isEqualTo(SessionRepository.hash(token));
    }

    @Test
    void anExpiredSessionIsRefused() {
        String token = login("agnes", "the gleaners and I").get("token").asString();
        server.database().dsl().update(USER_SESSION)
                .set(USER_SESSION.EXPIRES_AT, OffsetDateTime.now().minusMinutes(1)).execute();
        assertThat(assertStale(token, CREATE_GENRE).get("errors").get(0).get("message").asString())
                .contains("expired");
    }

    @Test
    void anAdminCreatesAccountsWithValidation() {
        String admin = server.signedIn("boss", Role.ADMIN);
        String create = "mutation($i: UserInput!) { createUser(input: $i) { user { username role } userErrors { field code } } }";
        JsonNode created = server.queryAs(admin, create, Map.of("i", Map.of("username", "jacques",
                "password", "lola and the umbrellas", "role", "EDITOR"))).get("data").get("createUser");
        assertThat(created.get("user").get("role").asString()).isEqualTo("EDITOR");
        assertThat(login("jacques", "lola and the umbrellas").get("token").isString()).isTrue();

        JsonNode bad = server.queryAs(admin, create, Map.of("i", Map.of("username", "no spaces allowed",
                "password", "short", "role", "EDITOR"))).get("data").get("createUser");
        assertThat(bad.get("user").isNull()).isTrue();
        assertThat(bad.get("userErrors").valueStream().map(e -> e.get("field").get(1).asString()))
                .containsExactlyInAnyOrder("username", "password");
        JsonNode taken = server.queryAs(admin, create, Map.of("i", Map.of("username", "JACQUES",
                "password", "another long password", "role", "ADMIN"))).get("data").get("createUser");
        assertThat(taken.get("userErrors").get(0).get("code").asString()).isEqualTo("DUPLICATE");

        JsonNode users = server.queryAs(admin, "{ users { username role } }", Map.of()).get("data").get("users");
        assertThat(users.valueStream().map(u -> u.get("username").asString()))
                .containsExactly("agnes", "boss", "jacques");
    }

    @Test
    void anAdminChangesRolesAndPasswordsAndRemovesAccounts() {
        String admin = server.signedIn("boss", Role.ADMIN);
        String agnes = login("agnes", "the gleaners and I").get("token").asString();
        String agnesId = server.queryAs(agnes, "{ me { id } }", Map.of()).get("data").get("me").get("id").asString();
        String update = "mutation($id: ID!, $role: Role, $pw: String) { updateUser(id: $id, role: $role, password: $pw) "
                + "{ user { role } userErrors { field code } } }";

        JsonNode promoted = server.queryAs(admin, update, Map.of("id", agnesId, "role", "ADMIN"))
                .get("data").get("updateUser");
        assertThat(promoted.get("user").get("role").asString()).isEqualTo("ADMIN");
        assertThat(server.queryAs(agnes, "{ users { username } }", Map.of()).get("errors")).isNull();

        server.queryAs(admin, update, Map.of("id", agnesId, "pw", "vagabond without roof"));
        assertStale(agnes, ME); // a new password signs the account out everywhere
        assertThat(login("agnes", "the gleaners and I").get("token").isNull()).isTrue();
        assertThat(login("agnes", "vagabond without roof").get("token").isString()).isTrue();

        String bossId = server.queryAs(admin, "{ me { id } }", Map.of()).get("data").get("me").get("id").asString();
        String delete = "mutation($id: ID!) { deleteUser(id: $id) { deletedIds userErrors { code } } }";
        assertThat(server.queryAs(admin, delete, Map.of("id", bossId)).get("data").get("deleteUser")
                .get("userErrors").get(0).get("code").asString()).isEqualTo("VALIDATION");
        assertThat(server.queryAs(admin, delete, Map.of("id", agnesId)).get("data").get("deleteUser")
                .get("deletedIds").get(0).asString()).isEqualTo(agnesId);
        assertThat(login("agnes", "vagabond without roof").get("userErrors").get(0).get("code").asString())
                .isEqualTo("INVALID_CREDENTIALS");

        JsonNode log = server.queryAs(admin, "{ auditLog(first: 10, user: \"" + bossId + "\") { edges { node { action "
                + "entityLabel changes { field before after } } } } }", Map.of()).get("data").get("auditLog").get("edges");
        assertThat(log.valueStream().map(e -> e.get("node").get("action").asString()))
                .containsExactly("DELETE", "UPDATE", "UPDATE");
        assertThat(log.toString()).doesNotContain("vagabond");
    }

    private JsonNode login(String username, String password) {
        return server.query(LOGIN, Map.of("u", username, "p", password)).get("data").get("login");
    }

    /** A stale token's request: refused before it runs, 401 with UNAUTHENTICATED (StaleTokenTest has the rest). */
    private static JsonNode assertStale(String token, String query) {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(Map.of("query", query))))
                .build());
        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.get("errors").get(0).get("extensions").get("code").asString()).isEqualTo("UNAUTHENTICATED");
        return body;
    }
}
