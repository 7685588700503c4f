package org.mymoviedb.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.testing.FreshServer;

/**
 * Requests Undertow or our handlers refuse before GraphQL runs, over a real socket: each gets its status with a JSON
 * body and a stable code, never an empty body, a 500 or a cut connection.
 */
class HttpMalformedRequestTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass().with("REQUEST_BODY_TIMEOUT_MS", "1000");

    private static final String QUERY = "{\"query\":\"{ genres { name } }\"}";

    @Test
    void anAcceptOfNoMediaRangeIsTheLegacyType() throws Exception {
        HttpRawClient.Answer answer = send(HttpRawClient.post(QUERY).replace("Host: localhost\r\n",
                "Host: localhost\r\nAccept: ;\r\n"));

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().get("data").get("genres").isArray()).isTrue();
    }

    @Test
    void aContentTypeOfNoMediaTypeIsUnsupported() throws Exception {
        assertCoded(send(HttpRawClient.post(QUERY).replace("application/json", ";")), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void badPercentEncodingIsABadRequest() throws Exception {
        assertCoded(send("GET /graphql?query=%zz%7B HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400, "BAD_REQUEST");
    }

    @Test
    void tooManyParametersIsABadRequest() throws Exception {
        String parameters = IntStream.range(0, 1_100).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining("&"));
        assertCoded(send("GET /graphql?" + parameters + " HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400, "BAD_REQUEST");
    }

    @Test
    void tooManyHeadersIsABadRequest() throws Exception {
        String headers = IntStream.range(0, 300).mapToObj(i -> "X-H" + i + ": 1\r\n").collect(Collectors.joining());
        assertCoded(send("GET /graphql?query=%7Bgenres%7Bname%7D%7D HTTP/1.1\r\nHost: localhost\r\n" + headers
                + "\r\n"), 400, "BAD_REQUEST");
    }

    @Test
    void aDuplicateContentLengthIsABadRequest() throws Exception {
        assertCoded(send("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + QUERY.length() + "\r\nContent-Length: 3\r\n\r\n" + QUERY), 400, "BAD_REQUEST");
    }

    @Test
    void aMissingHostIsABadRequest() throws Exception {
        assertCoded(send("GET /graphql?query=%7Bgenres%7Bname%7D%7D HTTP/1.1\r\n\r\n"), 400, "BAD_REQUEST");
    }

    @Test
    void aBrokenRequestLineIsABadRequest() throws Exception {
        assertCoded(send("GET /graphql HTTP/9.9\r\nHost: localhost\r\n\r\n"), 400, "BAD_REQUEST");
        assertCoded(send("G\u0001T / HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400, "BAD_REQUEST");
    }

    @Test
    void headersOverTheSizeLimitAreABadRequest() throws Exception {
        assertCoded(send("GET /graphql HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(1_100_000) + "\r\n\r\n"),
                400, "BAD_REQUEST");
    }

    @Test
    void aChunkedBodyOverTheLimitIsPayloadTooLargeNotCut() throws Exception {
        StringBuilder request = new StringBuilder("POST /graphql HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        String chunk = "x".repeat(64 * 1024);
        String json = "{\"query\":\"{ genres { name } }\",\"pad\":\"";
        request.append(Integer.toHexString(json.length())).append("\r\n").append(json).append("\r\n");
        for (int i = 0; i < 20; i++) { // 1.25 MiB, over the 1 MiB limit
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("2\r\n\"}\r\n0\r\n\r\n");

        assertCoded(send(request.toString()), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aBodyThatNeverArrivesIsARequestTimeout() throws Exception {
        String request = HttpRawClient.post(QUERY);
        // The headers promise the whole body; only its first bytes come.
        assertCoded(send(request.substring(0, request.length() - 10)), 408, "REQUEST_TIMEOUT");
    }

    @Test
    void aBodyOfADeclaredLengthThatArrivesInPiecesIsReadWhole() throws Exception {
        // Past one read buffer (16 KiB) and in three sends a while apart, each read on its own.
        String request = HttpRawClient.post(QUERY.substring(0, QUERY.length() - 1) + " ".repeat(40_000) + "}");
        int third = request.length() / 3;
        try (HttpRawClient client = HttpRawClient.connect(server.app().port())) {
            client.send(request.substring(0, third));
            Thread.sleep(150);
            client.send(request.substring(third, 2 * third));
            Thread.sleep(150);
            client.send(request.substring(2 * third));
            HttpRawClient.Answer answer = client.read();

            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            assertThat(answer.json().get("data").get("genres").isArray()).as("%s", answer).isTrue();
        }
    }

    private static HttpRawClient.Answer send(String request) throws Exception {
        HttpRawClient.Answer answer = HttpRawClient.exchange(server.app().port(), request);
        assertThat(answer).as("the server closed the connection without an answer").isNotNull();
        return answer;
    }

    static void assertCoded(HttpRawClient.Answer answer, int status, String code) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).as("%s", answer).startsWith("application/");
        assertThat(answer.code()).as("%s", answer).isEqualTo(code);
        assertThat(answer.json().get("errors").get(0).get("message").asString()).isNotBlank();
    }
}
