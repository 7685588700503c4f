package org.mymoviedb.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.auth.Role;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.FreshServer;

/**
 * gzip and HTTP caching over real HTTP, byte for byte: Java's HttpClient neither decompresses nor caches, so what
 * is asserted is what went over the wire.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompressionAndCachingTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass().with("HTTP_CACHE_MAX_AGE_SECONDS", "7")
            .withAccount("varda", Role.EDITOR);

    private static final String PAGE = "{ movies(first: 100) { edges { cursor node { id title releaseDate rating "
            + "runtime { minutes } genres { name } directors { name } } } pageInfo { hasNextPage endCursor } } }";

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    void seed() {
        new Catalogue(server.database().dsl()).manyMovies(100);
    }

    @Test
    void aHundredMoviePageIsGzippedWhenTheClientTakesIt() {
        HttpResponse<byte[]> plain = post(PAGE, null);
        HttpResponse<byte[]> gzipped = post(PAGE, "gzip, deflate, br");

        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body().length).isGreaterThan(10_000);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().allValues("Vary").toString()).contains("Accept-Encoding");
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 3);
        assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());
    }

    @Test
    void aTinyAnswerIsNotCompressed() {
        HttpResponse<byte[]> tiny = post("{ __typename }", "gzip");

        assertThat(tiny.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(tiny.body(), StandardCharsets.UTF_8)).isEqualTo("{\"data\":{\"__typename\":\"Query\"}}");
    }

    @Test
    void graphiqlsScriptIsServedGzippedWithALongLifeAndAnEtag() {
        String page = new String(get("/graphiql", null, null, null).body(), StandardCharsets.UTF_8);
        Matcher script = Pattern.compile("src=\"(/graphiql/assets/graphiql\\.min\\.js)\\?v=").matcher(page);
        assertThat(script.find()).as(page).isTrue();

        HttpResponse<byte[]> plain = get(script.group(1), null, null, null);
        HttpResponse<byte[]> gzipped = get(script.group(1), "gzip", null, null);

        assertThat(plain.body().length).isGreaterThan(500_000);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 3);
        assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());
        assertThat(gzipped.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        String tag = gzipped.headers().firstValue("ETag").orElseThrow();
        assertThat(tag).isNotEqualTo(plain.headers().firstValue("ETag").orElseThrow());

        HttpResponse<byte[]> revalidated = get(script.group(1), "gzip", tag, null);
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
    }

    @Test
    void theSchemaIsGzippedAndRevalidated() {
        HttpResponse<byte[]> schema = get("/schema.graphql", "gzip", null, null);

        assertThat(schema.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(new String(gunzip(schema.body()), StandardCharsets.UTF_8)).contains("type Query");
        HttpResponse<byte[]> again = get("/schema.graphql", "gzip", schema.headers().firstValue("ETag").orElseThrow(),
                null);
        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void anAnonymousGetCarriesAnEtagAndARevalidationIs304() {
        String path = "/graphql?query=" + URLEncoder.encode(PAGE, StandardCharsets.UTF_8);
        HttpResponse<byte[]> first = get(path, null, null, null);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=7");
        assertThat(first.headers().allValues("Vary").toString()).contains("Accept", "Accept-Encoding", "Authorization");
        String tag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(tag).isEqualTo(EntityTags.of(first.body()));

        HttpResponse<byte[]> revalidated = get(path, null, tag, null);
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(revalidated.headers().firstValue("ETag")).hasValue(tag);

        // The gzipped representation has a tag of its own, and revalidates too.
        HttpResponse<byte[]> gzipped = get(path, "gzip", null, null);
        String gzipTag = gzipped.headers().firstValue("ETag").orElseThrow();
        assertThat(gzipTag).isEqualTo(EntityTags.gzipped(tag));
        assertThat(get(path, "gzip", gzipTag, null).statusCode()).isEqualTo(304);

        assertThat(get(path, null, "\"someone-else\"", null).statusCode()).isEqualTo(200);
    }

    @Test
    void signedInAnswersPostsAndErrorsAreNotStored() {
        String path = "/graphql?query=" + URLEncoder.encode("{ genres { name } }", StandardCharsets.UTF_8);
        HttpResponse<byte[]> signedIn = get(path, null, null, server.token("varda"));
        assertThat(signedIn.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(signedIn.headers().firstValue("ETag")).isEmpty();

        assertThat(post("{ genres { name } }", null).headers().firstValue("Cache-Control"))
                .hasValue("private, no-store");

        HttpResponse<byte[]> error = get("/graphql?query=" + URLEncoder.encode("{ nosuchfield }",
                StandardCharsets.UTF_8), null, null, null);
        assertThat(error.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(error.headers().firstValue("ETag")).isEmpty();
    }

    @Test
    void theFaviconIsARealIconAndCacheable() {
        HttpResponse<byte[]> icon = get("/favicon.ico", null, null, null);

        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type")).hasValue("image/x-icon");
        assertThat(icon.headers().firstValue("Cache-Control")).hasValue("public, max-age=86400");
        byte[] body = icon.body();
        // ICONDIR: reserved 0, type 1 (icon), one image of 16x16.
        assertThat(new byte[] {body[0], body[1], body[2], body[3], body[4], body[6], body[7]})
                .containsExactly(0, 0, 1, 0, 1, 16, 16);
        String tag = icon.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/favicon.ico", null, tag, null).statusCode()).isEqualTo(304);
    }

    private HttpResponse<byte[]> post(String query, String acceptEncoding) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(
                        java.util.Map.of("query", query))));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return send(request.build());
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding, String ifNoneMatch, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).GET();
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gunzip(byte[] gzipped) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
