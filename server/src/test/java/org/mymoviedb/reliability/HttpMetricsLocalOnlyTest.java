package org.mymoviedb.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.testing.FreshServer;

/** Without METRICS_TOKEN, /metrics answers clients on this machine only, and none that came through a proxy. */
class HttpMetricsLocalOnlyTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass();

    @Test
    void onlyLocalUnproxiedClientsReadTheMetrics() throws Exception {
        int port = server.app().port();
        assertThat(HttpRawClient.exchange(port, HttpMetricsTokenTest.SCRAPE + "\r\n").status()).isEqualTo(200);
        HttpMalformedRequestTest.assertCoded(HttpRawClient.exchange(port,
                HttpMetricsTokenTest.SCRAPE + "X-Forwarded-For: 203.0.113.9\r\n\r\n"), 403, "FORBIDDEN");
    }
}
