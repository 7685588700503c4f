package org.mymoviedb.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.testing.FreshServer;

/**
 * A complete request followed on the same connection by stray bytes that are no request (no line end either): the
 * first request still gets its coded JSON answer before the connection closes (HttpFuzzTest's cases 1156, 2434,
 * 3785 and 9125 at seed 4045809648).
 */
class HttpPipelinedGarbageTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass();

    @Test
    void aPostWithoutContentLengthThenStrayBytesIsAnsweredFirst() throws Exception {
        // No Content-Length: the POST's body is empty, and "not json" is a second, unfinished request.
        assertAnswered("POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\r\nnot json");
    }

    @Test
    void aGetThenStrayBytesIsAnsweredFirst() throws Exception {
        assertAnswered("GET /graphql?query=%7Bgenres%7Bname%7D%7D HTTP/1.1\r\nHost: x\r\n\r\n1");
    }

    @Test
    void twoPipelinedRequestsAreBothAnswered() throws Exception {
        String get = "GET /graphql?query=%7Bgenres%7Bname%7D%7D HTTP/1.1\r\nHost: x\r\n\r\n";
        try (HttpRawClient client = HttpRawClient.connect(server.app().port())) {
            client.send(get + get);
            for (int i = 0; i < 2; i++) {
                HttpRawClient.Answer answer = client.read();
                assertThat(answer).as("answer %d", i + 1).isNotNull();
                assertThat(answer.json().get("data").get("genres").isArray()).as("%s", answer).isTrue();
            }
        }
    }

    private static void assertAnswered(String request) throws Exception {
        HttpRawClient.Answer answer = HttpRawClient.exchange(server.app().port(), request);
        assertThat(answer).as("the server closed the connection without an answer").isNotNull();
        assertThat(answer.headers().get("content-type")).as("%s", answer).startsWith("application/");
        assertThat(answer.json().has("data") || answer.code() != null).as("%s", answer).isTrue();
    }
}
