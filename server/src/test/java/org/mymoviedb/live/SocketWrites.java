package org.mymoviedb.live;

import java.util.Map;
import org.mymoviedb.testing.TestServer;
import tools.jackson.databind.JsonNode;

/** For the WebSocket tests: writes over plain HTTP, as another editor would make them, and the event id each one's history entry got. */
final class SocketWrites {

    /** A movie just written: its global id, version, and the id of the event the write made. */
    record Written(String movieId, int version, String eventId) {
    }

    private static final String MOVIE = "movie { id version history(first: 1) { edges { node { id } } } }";

    private SocketWrites() {
    }

    static Written createMovie(TestServer server, String token, String title) {
        JsonNode answer = server.queryAs(token, "mutation($t: String!) { createMovie(input: {title: $t,"
                + " releaseDate: \"2001-02-03\"}) { " + MOVIE + " userErrors { code } } }", Map.of("t", title));
        return written(answer, "createMovie");
    }

    static Written retitle(TestServer server, String token, Written movie, String title) {
        JsonNode answer = server.queryAs(token, "mutation($id: ID!, $v: Int!, $t: String!) { updateMovie(id: $id,"
                + " expectedVersion: $v, input: {title: $t}) { " + MOVIE + " userErrors { code } } }",
                Map.of("id", movie.movieId(), "v", movie.version(), "t", title));
        return written(answer, "updateMovie");
    }

    private static Written written(JsonNode answer, String field) {
        JsonNode movie = answer.at("/data/" + field + "/movie");
        if (movie.isMissingNode() || movie.isNull()) {
            throw new AssertionError(field + " wrote nothing: " + answer);
        }
        return new Written(movie.get("id").asString(), movie.get("version").asInt(),
                movie.at("/history/edges/0/node/id").asString());
    }
}
