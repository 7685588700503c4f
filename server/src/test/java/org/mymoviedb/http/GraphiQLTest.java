package org.mymoviedb.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mymoviedb.testing.FreshServer;

/** GraphiQL at /graphiql over real HTTP: served whole from this server, and nothing else on the classpath. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphiQLTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass();

    private static final Pattern ASSET_URL = Pattern.compile("(?:src|href)=\"([^\"]*)\"");

    @Test
    void thePageIsHtmlThatMayLoadOnlyFromThisServer() {
        HttpResponse<String> page = get("/graphiql");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'").doesNotContain("script-src", "unsafe-eval", "http"));
        assertThat(page.body()).contains("<div id=\"graphiql\">")
                .doesNotContain("http://", "https://", "{{");
    }

    @Test
    void everyScriptAndStylesheetComesFromThisServerWithItsContentTypeAndALongCacheLife() {
        List<String> urls = assetUrls(get("/graphiql").body());
        assertThat(urls).hasSize(6).allSatisfy(url -> assertThat(url).startsWith("/graphiql/assets/"));
        for (String url : urls) {
            HttpResponse<String> asset = get(url);
            assertThat(asset.statusCode()).as(url).isEqualTo(200);
            assertThat(asset.headers().firstValue("Content-Type")).as(url)
                    .hasValue(url.contains(".css?") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
            assertThat(asset.headers().firstValue("Cache-Control")).as(url).hasValue("public, max-age=31536000, immutable");
            assertThat(asset.body()).as(url).isNotBlank();
        }
    }

    @Test
    void thePageUsesReactGraphiQLAndTheHeadersEditorAgainstThisServersGraphQL() {
        String page = get("/graphiql").body();
        assertThat(assetUrls(page)).anySatisfy(url -> assertThat(url).startsWith("/graphiql/assets/react.production.min.js?v="))
                .anySatisfy(url -> assertThat(url).startsWith("/graphiql/assets/react-dom.production.min.js?v="))
                .anySatisfy(url -> assertThat(url).startsWith("/graphiql/assets/graphiql.min.js?v="))
                .anySatisfy(url -> assertThat(url).startsWith("/graphiql/assets/graphiql.min.css?v="));
        String start = get(assetUrls(page).stream().filter(url -> url.contains("/start.js?")).findFirst().orElseThrow())
                .body();
        assertThat(start).contains("window.location.origin + '/graphql'", "isHeadersEditorEnabled: true",
                "movies(first: 5)").doesNotContain("http://", "https://");
    }

    @Test
    void theRootLeadsToGraphiQL() {
        HttpResponse<String> root = get("/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(URI.create(location).getPath()).isEqualTo("/graphiql"));
    }

    @Test
    void aTrailingSlashNamesTheSameRoute() {
        // Undertow's exact-path matching ignores a trailing slash: the same page, the same API.
        HttpResponse<String> page = get("/graphiql/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo(get("/graphiql").body());
        HttpResponse<String> post = server.send(HttpRequest.newBuilder(server.uri("/graphql/"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ genres { name } }\"}")).build());
        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(post.body()).isEqualTo("{\"data\":{\"genres\":[]}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/graphiql/assets/nothing-here.js",
        "/graphiql/assets/",
        "/graphiql/assets/graphiql.js",
        "/graphiql/assets/../../logback.xml",
        "/graphiql/assets/%2e%2e/%2e%2e/logback.xml",
        "/graphiql/assets/..%2f..%2flogback.xml",
        "/graphiql/assets/META-INF/resources/webjars/graphiql/2.4.7/graphiql.js",
        "/graphiql/index.html",
        "/logback.xml"})
    void nothingElseOnTheClasspathIsServed(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isIn(400, 404);
        assertThat(response.body()).as(path).doesNotContain("<configuration", "<!doctype");
    }

    private HttpResponse<String> get(String path) {
        return server.send(HttpRequest.newBuilder(server.uri(path)).GET().build());
    }

    private static List<String> assetUrls(String html) {
        Matcher matcher = ASSET_URL.matcher(html);
        return matcher.results().map(match -> match.group(1)).toList();
    }
}
