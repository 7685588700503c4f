package org.mymoviedb.live;

import java.util.Map;
import org.mymoviedb.testing.FreshServer;
import org.mymoviedb.testing.TestServer;
import tools.jackson.databind.JsonNode;

/** Writes through the API, as an editor does, for the live tests. */
final class LiveWrites {

    private LiveWrites() {
    }

    /** Creates a movie with a genre and a director; its global id. */
    static String createMovie(TestServer server, String token, String title) {
        JsonNode created = server.queryAs(token, "mutation($t: String!) { createMovie(input: {title: $t, "
                + "releaseDate: \"1985-12-04\", genres: [{name: \"Drama\"}], directors: [{name: \"Agnès Varda\"}]}) "
                + "{ movie { id } userErrors { code } } }", Map.of("t", title));
        JsonNode movie = created.get("data").get("createMovie").get("movie");
        if (movie == null || movie.isNull()) {
            throw new AssertionError("not created: " + created);
        }
        return movie.get("id").asString();
    }

    static String createMovie(FreshServer server, String token, String title) {
        return createMovie(server.get(), token, title);
    }

    /** Sets a movie's rating, at the version given; the new version. */
    static int rate(TestServer server, String token, String id, int expectedVersion, int rating) {
        JsonNode updated = server.queryAs(token, "mutation($id: ID!, $v: Int!, $r: Int) { updateMovie(id: $id, "
                + "expectedVersion: $v, input: {rating: $r}) { movie { version } userErrors { code } } }",
                Map.of("id", id, "v", expectedVersion, "r", rating));
        return updated.get("data").get("updateMovie").get("movie").get("version").asInt();
    }
}
