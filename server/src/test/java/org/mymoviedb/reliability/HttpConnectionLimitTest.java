package org.mymoviedb.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.testing.FreshServer;

/**
 * Idle and half-sent connections cannot take the server: past MAX_CONNECTIONS_PER_CLIENT (3 here) a client's next
 * connection is a coded JSON 503 at once while other clients are still served, past MAX_CONNECTIONS (6 here)
 * everyone's next is, and half-sent requests are closed after the header timeout, which frees their places. Each
 * 127.x.y.z source address is a client of its own. Every held connection first has one request answered, so the
 * server has surely counted it before the next step.
 */
class HttpConnectionLimitTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perTest()
            .with("MAX_CONNECTIONS_PER_CLIENT", "3")
            .with("MAX_CONNECTIONS", "6")
            .with("REQUEST_HEADER_TIMEOUT_MS", "3000");

    private static final String HALF_SENT = "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Ty";
    private static final String QUERY = HttpRawClient.post("{\"query\":\"{ genres { name } }\"}");

    @Test
    void connectionsPastTheLimitsAreRefusedFastAndHalfSentRequestsClosedAfterTheHeaderTimeout() throws Exception {
        int port = server.app().port();
        List<HttpRawClient> halfSent = new ArrayList<>();
        List<HttpRawClient> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                halfSent.add(answered(HttpRawClient.connect("127.0.0.1", port)).send(HALF_SENT));
            }
            try (HttpRawClient fourth = HttpRawClient.connect("127.0.0.1", port)) {
                HttpMalformedRequestTest.assertCoded(fourth.send(QUERY).read(), 503, "TOO_MANY_CONNECTIONS");
            }
            for (int i = 0; i < 2; i++) {
                idle.add(answered(HttpRawClient.connect("127.0.0.3", port)));
            }
            idle.add(answered(HttpRawClient.connect("127.0.0.2", port))); // another client is still served
            try (HttpRawClient anyone = HttpRawClient.connect("127.0.0.4", port)) {
                HttpMalformedRequestTest.assertCoded(anyone.send(QUERY).read(), 503, "TOO_MANY_CONNECTIONS");
            }
            for (HttpRawClient client : idle) {
                client.close();
            }

            for (HttpRawClient client : halfSent) {
                assertThat(client.closedByServer()).as("a half-sent request closed by the header timeout").isTrue();
            }
            assertThat(servedAfterRelease(port)).as("the closed connections gave their places back").isTrue();
        } finally {
            for (HttpRawClient client : halfSent) {
                client.close();
            }
            for (HttpRawClient client : idle) {
                client.close();
            }
        }
    }

    /** The client, after one request answered 200 on its connection (which stays open). */
    private static HttpRawClient answered(HttpRawClient client) throws Exception {
        HttpRawClient.Answer answer = client.send(QUERY).read();
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().get("data").get("genres").isArray()).isTrue();
        return client;
    }

    /** The server counts a closed connection out just after closing it: a few tries, none of them timed. */
    private static boolean servedAfterRelease(int port) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (HttpRawClient client = HttpRawClient.connect("127.0.0.1", port)) {
                if (client.send(QUERY).read().status() == 200) {
                    return true;
                }
            }
            Thread.sleep(20);
        }
        return false;
    }
}
