package org.mymoviedb.admin.support;

import java.util.Map;
import org.mymoviedb.auth.Role;
import org.mymoviedb.testing.TestServer;
import tools.jackson.databind.JsonNode;

/** Another editor at work: writes through the API, as a colleague's admin would, while the test watches. */
public final class OtherEditor {

    private final TestServer server;
    private final String token;

    /** Signs {@code username} in as an editor (creating the account). */
    public OtherEditor(TestServer server, String username) {
        this.server = server;
        this.token = server.signedIn(username, Role.EDITOR);
    }

    /** The global id of the movie the database knows by {@code databaseId}. */
    public String globalId(long databaseId) {
        return movie(String.valueOf(databaseId)).get("id").asString();
    }

    /** Changes {@code field} of the movie (at whatever version it is) to {@code value}; returns the new version. */
    public int change(String movieId, String field, Object value) {
        int version = movie(movieId).get("version").asInt();
        JsonNode payload = data(server.queryAs(token, "mutation($id: ID!, $v: Int!, $input: MovieUpdateInput!) {"
                + " updateMovie(id: $id, expectedVersion: $v, input: $input) { movie { version } userErrors { message } } }",
                Map.of("id", movieId, "v", version, "input", Map.of(field, value)))).get("updateMovie");
        if (!payload.get("userErrors").isEmpty()) {
            throw new AssertionError(payload.get("userErrors").toString());
        }
        return payload.get("movie").get("version").asInt();
    }

    /** Adds a movie; returns its global id. */
    public String create(String title, String releaseDate) {
        JsonNode payload = data(server.queryAs(token, "mutation($input: MovieInput!) {"
                + " createMovie(input: $input) { movie { id } userErrors { message } } }",
                Map.of("input", Map.of("title", title, "releaseDate", releaseDate)))).get("createMovie");
        if (!payload.get("userErrors").isEmpty()) {
            throw new AssertionError(payload.get("userErrors").toString());
        }
        return payload.get("movie").get("id").asString();
    }

    public void delete(String movieId) {
        int version = movie(movieId).get("version").asInt();
        data(server.queryAs(token, "mutation($id: ID!, $v: Int!) { deleteMovie(id: $id, expectedVersion: $v) {"
                + " userErrors { message } } }", Map.of("id", movieId, "v", version)));
    }

    public void createGenre(String name) {
        data(server.queryAs(token, "mutation($n: String!) { createGenre(name: $n) { userErrors { message } } }",
                Map.of("n", name)));
    }

    public void createPerson(String name) {
        data(server.queryAs(token, "mutation($n: String!) { createPerson(name: $n) { userErrors { message } } }",
                Map.of("n", name)));
    }

    private JsonNode movie(String id) {
        return data(server.query("query($id: ID!) { movie(id: $id) { id version } }", Map.of("id", id))).get("movie");
    }

    private static JsonNode data(JsonNode answer) {
        if (answer.path("errors").isArray() && !answer.path("errors").isEmpty()) {
            throw new AssertionError(answer.get("errors").toString());
        }
        return answer.get("data");
    }
}
