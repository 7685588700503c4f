package org.mymoviedb.bench;

import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The raw yardstick: GET or POST /movies answers the first 10 movies by title, every scalar column, as JSON, with
 * no GraphQL and no jOOQ, over the set-up every yardstick shares ({@link Yardstick}). The gap between it and the
 * server is what GraphQL, jOOQ and the server's own work cost.
 */
public final class BaselineServer {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private BaselineServer() {
    }

    public static void main(String[] args) {
        Yardstick yardstick = Yardstick.fromEnvironment("baseline");
        yardstick.serve(8090, "/movies",
                body -> JSON.writeValueAsBytes(Map.of("movies", FirstMovies.read(yardstick, 10))));
    }
}
