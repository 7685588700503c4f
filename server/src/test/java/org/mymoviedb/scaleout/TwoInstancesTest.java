package org.mymoviedb.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mymoviedb.auth.Role;
import org.mymoviedb.auth.SessionCache;
import org.mymoviedb.http.Json;
import org.mymoviedb.testing.TestDatabase;
import org.mymoviedb.testing.TestServer;
import tools.jackson.databind.JsonNode;

/**
 * Two server instances on one database, as behind a load balancer: sessions live in PostgreSQL, so a token from
 * one works on the other, and a sign-out on one stops the token on the other within {@link SessionCache#FRESHNESS}.
 */
class TwoInstancesTest {

    private static final String ME = "{ me { username } }";

    private static TestDatabase database;
    private static TestServer a;
    private static TestServer b;

    @BeforeAll
    static void startTwoInstances() {
        database = TestDatabase.create();
        a = TestServer.startOn(database);
        b = TestServer.startOn(database);
    }

    @AfterAll
    static void stop() {
        try {
            a.close();
            b.close();
        } finally {
            database.close();
        }
    }

    @Test
    void aTokenFromOneInstanceWorksOnTheOther() {
        String token = a.signedIn("agnes", Role.EDITOR);

        assertThat(username(b, token)).isEqualTo("agnes");
        assertThat(username(a, token)).isEqualTo("agnes");
    }

    @Test
    void aSignOutOnOneInstanceStopsTheTokenOnTheOtherWithinTheSessionCacheBound() {
        String token = a.signedIn("jacques", Role.EDITOR);
        assertThat(username(b, token)).as("B looked the session up, and remembers it").isEqualTo("jacques");

        JsonNode logout = a.queryAs(token, "mutation { logout { revoked } }", Map.of());
        assertThat(logout.get("data").get("logout").get("revoked").asBoolean()).as("%s", logout).isTrue();
        assertThat(username(a, token)).as("the instance that revoked it refuses it at once").isNull();

        // B trusts its look-up for at most FRESHNESS: poll a little longer than that, and no longer.
        long polls = SessionCache.FRESHNESS.toMillis() / 100 + 30;
        int refusedAfter = -1;
        for (int poll = 0; poll < polls; poll++) {
            if (username(b, token) == null) {
                refusedAfter = poll;
                break;
            }
            sleep();
        }
        assertThat(refusedAfter).as("B refuses the revoked token within the session cache's bound").isNotNegative();
    }

    /**
     * The viewer's username, or null when the token is not (or no longer) a live session: the server then answers
     * 401 UNAUTHENTICATED.
     */
    private static String username(TestServer server, String token) {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(Map.of("query", ME))))
                .build());
        if (response.statusCode() == 401) {
            assertThat(response.body()).contains("UNAUTHENTICATED");
            return null;
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode me = Json.MAPPER.readTree(response.body()).get("data").get("me");
        return me == null || me.isNull() ? null : me.get("username").asString();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
