package org.mymoviedb.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.jooq.Tables.USER_SESSION;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mymoviedb.http.Json;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/**
 * A request whose token is expired, revoked or unknown is answered 401 UNAUTHENTICATED with a Bearer
 * invalid_token challenge, in both media types, over real HTTP; no token reads as anonymous; signing in again
 * with the stale token still attached works.
 */
class StaleTokenTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perTest();

    private static final String LOGIN = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) "
            + "{ token userErrors { code } } }";
    private static final String ME = "{ me { username } }";
    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    @BeforeEach
    void agnesHasAnAccount() {
        new UserAccounts(server.database().dsl(), new PasswordHasher())
                .create(null, "agnes", "the gleaners and I", Role.EDITOR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", GRAPHQL_RESPONSE})
    void anExpiredTokenIsRefusedWith401(String accept) {
        String token = signIn();
        server.database().dsl().update(USER_SESSION)
                .set(USER_SESSION.EXPIRES_AT, OffsetDateTime.now().minusMinutes(1)).execute();
        assertRefused(send(token, ME, accept));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", GRAPHQL_RESPONSE})
    void aRevokedTokenIsRefusedWith401(String accept) {
        String token = signIn();
        JsonNode logout = Json.MAPPER.readTree(send(token, "mutation { logout { revoked } }", accept).body());
        assertThat(logout.get("data").get("logout").get("revoked").asBoolean()).isTrue();
        assertRefused(send(token, ME, accept));
        assertRefused(send(token, "{ genres { name } }", accept));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", GRAPHQL_RESPONSE})
    void anUnknownTokenIsRefusedWith401(String accept) {
        assertRefused(send("no-such-token-at-all", ME, accept));
    }

    @Test
    void noTokenStaysAnonymous() {
        HttpResponse<String> response = send(null, ME, GRAPHQL_RESPONSE);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.get("errors")).isNull();
        assertThat(body.get("data").get("me").isNull()).isTrue();
    }

    @Test
    void signingInAgainWithTheStaleTokenStillAttachedWorks() {
        String stale = signIn();
        send(stale, "mutation { logout { revoked } }", GRAPHQL_RESPONSE);
        HttpResponse<String> again = send(stale, LOGIN, GRAPHQL_RESPONSE,
                Map.of("u", "agnes", "p", "the gleaners and I"));
        assertThat(again.statusCode()).isEqualTo(200);
        String fresh = Json.MAPPER.readTree(again.body()).get("data").get("login").get("token").asString();
        assertThat(fresh).isNotEqualTo(stale);
        assertThat(Json.MAPPER.readTree(send(fresh, ME, GRAPHQL_RESPONSE).body())
                .get("data").get("me").get("username").asString()).isEqualTo("agnes");
        // Only a request that does nothing but sign in is let through: anything else alongside is refused.
        assertRefused(send(stale, "mutation($u: String!, $p: String!) { login(username: $u, password: $p) "
                + "{ token } createGenre(name: \"Noir\") { genre { name } } }", GRAPHQL_RESPONSE,
                Map.of("u", "agnes", "p", "the gleaners and I")));
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.has("data")).isFalse();
        assertThat(body.get("errors").get(0).get("extensions").get("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(body.get("errors").get(0).get("message").asString()).contains("sign in again");
    }

    private static String signIn() {
        JsonNode login = server.query(LOGIN, Map.of("u", "agnes", "p", "the gleaners and I"));
        return login.get("data").get("login").get("token").asString();
    }

    private static HttpResponse<String> send(String token, String query, String accept) {
        return send(token, query, accept, Map.of());
    }

    private static HttpResponse<String> send(String token, String query, String accept, Map<String, Object> vars) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/graphql"))
                .header("Content-Type", "application/json").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(
                        Map.of("query", query, "variables", vars))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return server.send(request.build());
    }
}
