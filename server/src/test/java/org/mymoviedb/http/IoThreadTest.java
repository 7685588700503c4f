package org.mymoviedb.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.auth.Role;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.FreshServer;

/** Every kind of request, over real HTTP: not one SQL statement runs on an Undertow IO thread. */
class IoThreadTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perTest().withAccount("editor", Role.EDITOR);

    @Test
    void jdbcNeverRunsOnAnIoThread() {
        new Catalogue(server.database().dsl()).manyMovies(40);
        server.query("{ movies(first: 30) { totalCount edges { node { title genres { name } directors { name } } } } }");
        server.query("{ genres { name movies(first: 2) { edges { node { title } } } } people(first: 3) { edges { node { name } } } }");
        server.query("{ movie(id: \"1\") { title } person(id: \"999\") { name } me { username } }");
        server.queryAs(server.token("editor"), "mutation($input: MovieInput!) { createMovie(input: $input) { movie { id genres { name } } "
                + "userErrors { code } } }", Map.of("input", Map.of("title", "Mouchette",
                "releaseDate", "1967-03-15", "genres", List.of(Map.of("name", "Drama")))));
        server.queryAs(server.token("editor"), "{ movie(id: \"1\") { history { edges { node { action } } } } }", Map.of());
        // A failed sign-in: the throttle's statements (reserve, then the failure) too.
        server.query("mutation { login(username: \"editor\", password: \"not the password\") { token } }");
        server.send(HttpRequest.newBuilder(server.uri("/ready")).GET().build());
        server.post("[{\"query\": \"{ movies(first: 5) { edges { node { title directors { name } } } } }\"}, "
                + "{\"query\": \"{ genres { name } people(first: 2) { edges { node { name } } } }\"}]");
        server.send(HttpRequest.newBuilder(server.uri("/graphql")).header("Content-Type", "application/json")
                .header("Accept", "multipart/mixed;deferSpec=20220824,application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ genres { name } ... @defer "
                        + "{ movies(first: 3) { edges { node { title genres { name } } } } } }\"}")).build());
        new Catalogue(server.database().dsl()).movie("Pickpocket", LocalDate.of(1959, 12, 16), 80, 75);

        assertThat(server.app().database().statements().total()).isGreaterThan(10);
        assertThat(server.app().database().statements().onIoThreads()).isZero();
    }
}
