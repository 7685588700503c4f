package org.mymoviedb.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.testing.FreshServer;

/** With METRICS_TOKEN set, /metrics answers only its bearer; anyone else gets a coded 401. */
class HttpMetricsTokenTest {

    static final String SCRAPE = "GET /metrics HTTP/1.1\r\nHost: localhost\r\n";

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass().with("METRICS_TOKEN", "s3cret-for-scrapers");

    @Test
    void onlyTheBearerOfTheTokenReadsTheMetrics() throws Exception {
        int port = server.app().port();
        HttpMalformedRequestTest.assertCoded(HttpRawClient.exchange(port, SCRAPE + "\r\n"), 401, "UNAUTHENTICATED");
        HttpMalformedRequestTest.assertCoded(HttpRawClient.exchange(port,
                SCRAPE + "Authorization: Bearer s3cret-for-scraper\r\n\r\n"), 401, "UNAUTHENTICATED");

        HttpRawClient.Answer answer = HttpRawClient.exchange(port,
                SCRAPE + "Authorization: Bearer s3cret-for-scrapers\r\n\r\n");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("mymoviedb_graphql_requests_total");
    }
}
