package org.mymoviedb.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.mymoviedb.testing.TestServer;

/**
 * While the server drains at shutdown, a new request gets a coded JSON 503 (SHUTTING_DOWN), and the request in
 * flight still finishes.
 */
class HttpShutdownDrainTest {

    @Test
    void requestsArrivingDuringTheDrainGetACodedServiceUnavailable() throws Exception {
        TestServer server = TestServer.start();
        int port = server.app().port();
        String body = "{\"query\":\"{ genres { name } }\"}";
        String request = HttpRawClient.post(body);
        int headEnd = request.indexOf("\r\n\r\n") + 4;
        // In flight: its headers are in and its body is half sent, so the drain waits for it.
        HttpRawClient inFlight = HttpRawClient.connect(port).send(request.substring(0, headEnd + 5));
        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        try {
            HttpRawClient.Answer refused = null;
            for (int attempt = 0; attempt < 200 && refused == null; attempt++) {
                HttpRawClient.Answer answer = HttpRawClient.exchange(port, request);
                if (answer.status() != 200) {
                    refused = answer;
                }
            }
            assertThat(refused).as("no request was refused while draining").isNotNull();
            HttpMalformedRequestTest.assertCoded(refused, 503, "SHUTTING_DOWN");

            HttpRawClient.Answer finished = inFlight.send(request.substring(headEnd + 5)).read();
            assertThat(finished.status()).as("%s", finished).isEqualTo(200);
        } finally {
            inFlight.close();
            closing.join();
        }
    }
}
