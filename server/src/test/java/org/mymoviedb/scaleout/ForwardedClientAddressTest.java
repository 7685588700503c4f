package org.mymoviedb.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mymoviedb.auth.LoginThrottle;
import org.mymoviedb.config.ServerConfig;
import org.mymoviedb.http.Json;
import org.mymoviedb.live.WebSocketClient;
import org.mymoviedb.testing.SseClient;
import org.mymoviedb.testing.TestServer;

/**
 * The client's address behind proxies (TRUSTED_PROXIES), over real HTTP to a real server on 127.0.0.1: which
 * address the sign-in throttle counts a failure against, and how many requests one forwarded client may hold.
 */
class ForwardedClientAddressTest {

    private static final java.util.concurrent.atomic.AtomicInteger USERS = new java.util.concurrent.atomic.AtomicInteger();
    private static final String EVENTS = "subscription { movieChanged { id } }";

    @Test
    void aForwardedForFromAnUntrustedPeerIsIgnored() throws Exception {
        for (String trusted : new String[] {"", "10.0.0.0/8, ::1"}) {
            try (TestServer server = TestServer.start(Map.of("TRUSTED_PROXIES", trusted))) {
                fail(server, "X-Forwarded-For", "203.0.113.7");
                fail(server, "Forwarded", "for=203.0.113.8");
                assertThat(SignIns.failuresOf(server.database().dsl(), "127.0.0.1")).as(trusted).isEqualTo(2);
                assertThat(SignIns.failuresOf(server.database().dsl(), "203.0.113.7")).isZero();
                assertThat(SignIns.failuresOf(server.database().dsl(), "203.0.113.8")).isZero();
            }
        }
    }

    @Test
    void twoClientsForwardedByATrustedProxyHaveTalliesOfTheirOwn() throws Exception {
        try (TestServer server = TestServer.start(Map.of("TRUSTED_PROXIES", "127.0.0.1"))) {
            for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
                assertThat(SignIns.code(failAs(server, "guess" + i, "X-Forwarded-For", "203.0.113.1")))
                        .isEqualTo("INVALID_CREDENTIALS");
            }
            assertThat(SignIns.code(failAs(server, "someone", "X-Forwarded-For", "203.0.113.1")))
                    .as("the guesser's address is throttled").isEqualTo("THROTTLED");
            assertThat(SignIns.code(failAs(server, "someone", "X-Forwarded-For", "203.0.113.2")))
                    .as("another client through the same proxy is not").isEqualTo("INVALID_CREDENTIALS");
            assertThat(SignIns.code(failAs(server, "someone else")))
                    .as("nor the proxy's own address").isEqualTo("INVALID_CREDENTIALS");
            assertThat(SignIns.failuresOf(server.database().dsl(), "203.0.113.1"))
                    .isEqualTo(LoginThrottle.MAX_FAILURES_PER_ADDRESS);
        }
    }

    @Test
    void theClientIsTheRightmostAddressNoTrustedProxyWrote() throws Exception {
        try (TestServer server = TestServer.start(Map.of("TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8,fd00::/8"))) {
            // The leftmost is what the client claimed; 10.1.2.3 is a trusted proxy in front of 127.0.0.1.
            fail(server, "X-Forwarded-For", "198.51.100.9, 203.0.113.5, 10.1.2.3");
            assertThat(tally(server, "203.0.113.5")).isEqualTo(1);
            // Several header lines are one list, in order; ports and IPv6 as proxies write them.
            fail(server, "X-Forwarded-For", "198.51.100.9, 203.0.113.6:4711", "X-Forwarded-For", "[fd00::1]:80");
            assertThat(tally(server, "203.0.113.6")).isEqualTo(1);
            fail(server, "X-Forwarded-For", "2001:db8::17, fd12::3");
            assertThat(tally(server, "2001:db8:0:0:0:0:0:17")).isEqualTo(1);
            // RFC 7239, when there is no X-Forwarded-For.
            fail(server, "Forwarded", "for=198.51.100.9, for=\"[2001:db8:cafe::17]:4711\";proto=http, For=10.0.0.2");
            assertThat(tally(server, "2001:db8:cafe:0:0:0:0:17")).isEqualTo(1);
            // Every hop trusted: the first of them sent it.
            fail(server, "X-Forwarded-For", "10.9.9.9, 10.1.1.1");
            assertThat(tally(server, "10.9.9.9")).isEqualTo(1);
            assertThat(tally(server, "198.51.100.9")).as("the forgeable leftmost is never counted").isZero();
            assertThat(tally(server, "127.0.0.1")).isZero();
        }
    }

    @Test
    void aSignInOverAWebSocketCountsAgainstTheClientItsUpgradeWasForwardedFor() throws Exception {
        try (TestServer server = TestServer.start(Map.of("TRUSTED_PROXIES", "127.0.0.1"));
             WebSocketClient client = WebSocketClient.initialised(
                     URI.create(server.uri("/graphql").toString().replaceFirst("^http", "ws")),
                     Map.of("X-Forwarded-For", "198.51.100.1, 203.0.113.4"), Map.of())) {
            client.send(Map.of("id", "in", "type", "subscribe", "payload", Map.of("query",
                    "mutation { login(username: \"nobody\", password: \"wrong\") { userErrors { code } } }")));
            assertThat(client.expect("next").at("/payload/data/login/userErrors/0/code").asString())
                    .isEqualTo("INVALID_CREDENTIALS");
            assertThat(tally(server, "203.0.113.4")).isEqualTo(1);
            assertThat(tally(server, "127.0.0.1")).isZero();
        }
    }

    @Test
    void aMalformedHeaderCountsAsAbsent() throws Exception {
        try (TestServer server = TestServer.start(Map.of("TRUSTED_PROXIES", "127.0.0.1"))) {
            String[][] malformed = {
                    {"X-Forwarded-For", "203.0.113.5, not-an-address"},
                    {"X-Forwarded-For", "203.0.113.5,"},
                    {"X-Forwarded-For", "1.2.3.999"},
                    {"X-Forwarded-For", "unknown"},
                    {"X-Forwarded-For", "[2001:db8::1"},
                    {"X-Forwarded-For", "localhost"},
                    {"X-Forwarded-For", ("203.0.113.5, ").repeat(40) + "203.0.113.5"},
                    {"Forwarded", "for=\"_hidden\""},
                    {"Forwarded", "proto=https"},
                    {"Forwarded", "for=\"[2001:db8::1]:x\""},
                    {"Forwarded", "for=203.0.113.5;;, ;"},
            };
            for (String[] header : malformed) {
                HttpResponse<String> answer = SignIns.login(server.uri("/graphql"), "nobody" + USERS.incrementAndGet(), "wrong", header);
                assertThat(answer.statusCode()).as(header[1]).isEqualTo(200);
                assertThat(SignIns.code(answer.body())).as(header[1]).isEqualTo("INVALID_CREDENTIALS");
            }
            assertThat(tally(server, "127.0.0.1")).as("each counted against the peer").isEqualTo(malformed.length);
            assertThat(tally(server, "203.0.113.5")).isZero();
        }
    }

    @Test
    void aTrustedProxyMayHoldMoreConnectionsThanOneClientAndEachClientItForwardsIsCapped() throws Exception {
        try (TestServer server = TestServer.start(Map.of("TRUSTED_PROXIES", "127.0.0.1",
                "MAX_CONNECTIONS_PER_CLIENT", "2"));
             SseClient first = subscribe(server, "203.0.113.1");
             SseClient second = subscribe(server, "203.0.113.1");
             SseClient third = subscribe(server, "203.0.113.1");
             SseClient other = subscribe(server, "203.0.113.2")) {
            assertThat(first.status()).isEqualTo(200);
            assertThat(second.status()).isEqualTo(200);
            assertThat(third.status()).as("a third stream of the same client").isEqualTo(503);
            assertThat(third.refusal().at("/errors/0/extensions/code").asString()).isEqualTo("TOO_MANY_CONNECTIONS");
            assertThat(other.status()).as("another client, on the proxy's third connection").isEqualTo(200);
        }
    }

    @Test
    void anInvalidEntryFailsAtStartupSayingWhich() {
        for (String bad : new String[] {"10.0.0.0/33", "proxy.example.com", "10.0.0.1, 300.1.1.1", "::1/129",
                "10.0.0.0/x"}) {
            assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("TRUSTED_PROXIES", bad)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("TRUSTED_PROXIES: '");
        }
        assertThat(ServerConfig.fromEnvironment(Map.of("TRUSTED_PROXIES", " 10.0.0.0/8 , ::1, fd00::/8,0.0.0.0/0"))
                .trustedProxies().isEmpty()).isFalse();
    }

    private static SseClient subscribe(TestServer server, String client) {
        return SseClient.subscribe(server.uri("/graphql"), EVENTS, Map.of(), null, null, "X-Forwarded-For", client);
    }

    private static int tally(TestServer server, String address) {
        return SignIns.failuresOf(server.database().dsl(), address);
    }

    /** A failed sign-in under a username of its own (so no username's tally stops it counting). */
    private static String fail(TestServer server, String... headers) throws Exception {
        return failAs(server, "nobody" + USERS.incrementAndGet(), headers);
    }

    private static String failAs(TestServer server, String username, String... headers) throws Exception {
        HttpResponse<String> answer = SignIns.login(server.uri("/graphql"), username, "wrong password", headers);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Json.MAPPER.readTree(answer.body());
        return answer.body();
    }
}
