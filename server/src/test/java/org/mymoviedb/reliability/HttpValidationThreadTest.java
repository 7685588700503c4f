package org.mymoviedb.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.http.Json;
import org.mymoviedb.testing.FreshServer;

/**
 * New documents are parsed and validated on validation threads, never on an IO thread: with one IO thread and one
 * validation thread busy on costly documents, a request whose document is validated already is answered before
 * any of them.
 */
class HttpValidationThreadTest {

    private static final int COSTLY = 3;

    @RegisterExtension
    static final FreshServer server = FreshServer.perTest()
            .with("IO_THREADS", "1")
            .with("VALIDATION_THREADS", "1")
            .with("MAX_TOKENS", "1000000")
            .with("MAX_QUERY_COMPLEXITY", "100000000")
            .with("MAX_BODY_BYTES", "4194304")
            .with("VALIDATION_QUEUE_MS", "600000");

    @Test
    void newDocumentsAreValidatedOffTheIoThreads() throws Exception {
        int port = server.app().port();
        String known = "{\"query\":\"{ genres { name } }\"}";
        assertThat(HttpRawClient.exchange(port, HttpRawClient.post(known)).status()).isEqualTo(200);

        List<HttpRawClient> costly = new ArrayList<>();
        for (int i = 0; i < COSTLY; i++) {
            // Thousands of the same field: validating that they merge is quadratic work.
            String document = "query Costly" + i + " { genres { " + "name ".repeat(30_000) + "} }";
            costly.add(HttpRawClient.connect(port).send(HttpRawClient.post(
                    Json.MAPPER.writeValueAsString(Map.of("query", document)))));
        }
        List<CompletableFuture<HttpRawClient.Answer>> answers = new ArrayList<>();
        for (HttpRawClient client : costly) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try (client) {
                    return client.read();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }

        HttpRawClient.Answer unrelated = HttpRawClient.exchange(port, HttpRawClient.post(known));
        long costlyAnswered = answers.stream().filter(CompletableFuture::isDone).count();

        assertThat(unrelated.status()).isEqualTo(200);
        assertThat(costlyAnswered).as("costly documents answered before the unrelated request").isZero();
        for (CompletableFuture<HttpRawClient.Answer> answer : answers) {
            assertThat(answer.get().status()).as("%s", answer.get()).isIn(200, 503);
        }
        assertThat(server.app().api().documents().parses()).isGreaterThan(COSTLY);
        assertThat(server.app().api().documents().parsesOnIoThreads()).isZero();
    }
}
