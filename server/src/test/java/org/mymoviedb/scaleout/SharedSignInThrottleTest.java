package org.mymoviedb.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mymoviedb.auth.LoginThrottle;
import org.mymoviedb.auth.PasswordHasher;
import org.mymoviedb.auth.Role;
import org.mymoviedb.auth.UserAccounts;
import org.mymoviedb.db.ConnectionSettings;
import org.mymoviedb.http.Json;
import org.mymoviedb.testing.ServerProcess;
import org.mymoviedb.testing.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * Two server processes on one database, as behind a load balancer: the sign-in throttle's tallies live in
 * PostgreSQL, so an attacker who alternates between the instances gets no more attempts than against one, and a
 * known device is let in on either whatever others' failures from its address.
 */
class SharedSignInThrottleTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path logs;

    @Test
    void failuresOnOneInstanceCountOnTheOther() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            accounts(db, "agnes");
            try (ServerProcess a = start(db, "a"); ServerProcess b = start(db, "b")) {
                a.awaitReady();
                b.awaitReady();
                // Alternating instances: each sees only half of the guesses, the shared tally all of them.
                for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USERNAME; i++) {
                    ServerProcess instance = i % 2 == 0 ? a : b;
                    assertThat(code(login(instance, "agnes", "guess " + i))).isEqualTo("INVALID_CREDENTIALS");
                }
                for (ServerProcess instance : new ServerProcess[] {a, b}) {
                    HttpResponse<String> throttled = login(instance, "agnes", PASSWORD);
                    assertThat(code(throttled)).as(throttled.body()).isEqualTo("THROTTLED");
                    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
                }
                assertThat(db.dsl().fetchValue("select count(*)::int from sign_in_tally"))
                        .as("one tally each for the username, the address and the device").isEqualTo(3);
            }
        }
    }

    @Test
    void aKnownDeviceIsLetInOnEitherInstanceWhateverOthersFail() throws Exception {
        try (TestDatabase db = TestDatabase.create()) {
            accounts(db, "jacques", "chantal");
            try (ServerProcess a = start(db, "a"); ServerProcess b = start(db, "b")) {
                a.awaitReady();
                b.awaitReady();
                // Jacques signed in through A from this address: that pair is a known device, on every instance.
                assertThat(token(login(a, "jacques", PASSWORD))).isNotNull();
                // Someone at the same address guesses under many names, through both instances.
                for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
                    assertThat(code(login(i % 2 == 0 ? a : b, "guess" + i, "wrong password")))
                            .isEqualTo("INVALID_CREDENTIALS");
                }
                // The address's failures add up across the instances: Chantal, new here, waits on both.
                assertThat(code(login(a, "chantal", PASSWORD))).isEqualTo("THROTTLED");
                assertThat(code(login(b, "chantal", PASSWORD))).isEqualTo("THROTTLED");
                // Jacques is let in on B, which never saw him sign in.
                HttpResponse<String> jacques = login(b, "jacques", PASSWORD);
                assertThat(token(jacques)).as(jacques.body()).isNotNull();
            }
        }
    }

    private static void accounts(TestDatabase db, String... names) {
        UserAccounts accounts = new UserAccounts(db.dsl(), new PasswordHasher());
        for (String name : names) {
            accounts.create(null, name, PASSWORD, Role.EDITOR);
        }
    }

    private ServerProcess start(TestDatabase db, String name) throws Exception {
        ConnectionSettings settings = db.settings();
        String url = "postgres://" + settings.user() + (settings.password() == null ? "" : ":" + settings.password())
                + "@" + settings.host() + ":" + settings.port() + "/" + settings.database();
        return ServerProcess.start(Map.of("DATABASE_URL", url, "LOAD_SAMPLE_DATA", "false", "DB_POOL_SIZE", "2"),
                logs.resolve(name + ".log"));
    }

    private static HttpResponse<String> login(ServerProcess server, String username, String password)
            throws Exception {
        return server.post(Json.MAPPER.writeValueAsString(Map.of(
                "query", "mutation($u: String!, $p: String!) { login(username: $u, password: $p) "
                        + "{ token userErrors { code } } }",
                "variables", Map.of("u", username, "p", password))));
    }

    private static JsonNode payload(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body()).get("data").get("login");
    }

    /** The first userError's code, or null when signed in. */
    private static String code(HttpResponse<String> response) {
        JsonNode errors = payload(response).get("userErrors");
        return errors.isEmpty() ? null : errors.get(0).get("code").asString();
    }

    private static String token(HttpResponse<String> response) {
        JsonNode token = payload(response).get("token");
        return token == null || token.isNull() ? null : token.asString();
    }
}
