package org.mymoviedb.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.config.ServerConfig;
import org.mymoviedb.testing.FreshServer;
import org.mymoviedb.testing.HeadlessChromium;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A page on another origin (a second little HTTP server on another port) calling the API as a browser does, with
 * tracing and Apollo's headers and credentials: the preflight over real HTTP, then a real fetch from headless
 * Chromium that must be allowed to read the answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserCorsTest {

    /** Serves one empty page: only its origin matters. Started first, so the API can list its origin. */
    private static final HttpServer PAGE = pageServer();
    private static final String PAGE_ORIGIN = "http://127.0.0.1:" + PAGE.getAddress().getPort();

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass()
            .with("CORS_ALLOWED_ORIGINS", PAGE_ORIGIN)
            .with("CORS_ALLOW_CREDENTIALS", "true");

    @AfterAll
    void stopThePage() {
        PAGE.stop(0);
    }

    @Test
    void aPreflightWithTracingAndApolloHeadersIsAllowed() {
        HttpResponse<String> preflight = server.send(HttpRequest.newBuilder(server.uri("/graphql"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", PAGE_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,traceparent,tracestate,baggage,sentry-trace,"
                        + "x-request-id,apollographql-client-name,apollographql-client-version")
                .build());

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PAGE_ORIGIN);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        String allowed = preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow();
        assertThat(allowed.split(", ")).contains("Content-Type", "Authorization", "Accept", "traceparent",
                "tracestate", "baggage", "sentry-trace", "x-request-id", "apollographql-client-name",
                "apollographql-client-version");
    }

    @Test
    void aCrossOriginFetchFromChromiumWithTracingHeadersReadsTheAnswer() {
        ChromeDriver browser = HeadlessChromium.start();
        try {
            browser.get(PAGE_ORIGIN + "/");
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            Object outcome = ((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0], {
                      method: 'POST', mode: 'cors', credentials: 'include',
                      headers: {
                        'Content-Type': 'application/json',
                        'traceparent': '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
                        'apollographql-client-name': 'browser-test',
                        'apollographql-client-version': '1.0.0'
                      },
                      body: JSON.stringify({query: '{ __typename }'})
                    }).then(r => r.text().then(t => done(r.status + ' ' + r.headers.get('Retry-After') + ' ' + t)))
                      .catch(e => done('refused: ' + e));
                    """, server.uri("/graphql").toString());

            assertThat(outcome).isEqualTo("200 null {\"data\":{\"__typename\":\"Query\"}}");
        } finally {
            browser.quit();
        }
    }

    @Test
    void credentialsWithAnyOriginAreRefusedAtStartup() {
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of(
                "CORS_ALLOWED_ORIGINS", "*", "CORS_ALLOW_CREDENTIALS", "true")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CORS_ALLOW_CREDENTIALS=true needs CORS_ALLOWED_ORIGINS to list the origins");
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("CORS_ALLOW_CREDENTIALS", "true")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ServerConfig.fromEnvironment(Map.of("CORS_ALLOWED_HEADERS", "Content-Type, x-tenant"))
                .cors().allowedHeaders()).containsExactly("Content-Type", "x-tenant");
    }

    private static HttpServer pageServer() {
        try {
            HttpServer page = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            page.createContext("/", exchange -> {
                byte[] html = "<!doctype html><title>another origin</title>".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, html.length);
                exchange.getResponseBody().write(html);
                exchange.close();
            });
            page.start();
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
