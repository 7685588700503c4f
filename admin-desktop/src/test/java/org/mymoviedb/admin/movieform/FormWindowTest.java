package org.mymoviedb.admin.movieform;

import java.util.Map;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.support.AdminAppTest;
import org.mymoviedb.admin.support.SwitchableProxy;
import tools.jackson.databind.JsonNode;

/**
 * The app signed in, its movie list loaded, talking to the server through a proxy the test can slow down or take
 * away (to hold a save in flight, or fail it); and the stored movies, read straight from the server.
 */
abstract class FormWindowTest extends AdminAppTest {

    /** Passes everything through, or answers late, or not at all. */
    protected static SwitchableProxy proxy;

    protected TableView<Movie> table;

    @BeforeAll
    static void startProxy() {
        proxy = new SwitchableProxy(server.uri("/graphql"));
    }

    @AfterAll
    static void closeProxy() {
        proxy.close();
    }

    @Override
    protected String serverUrl() {
        return proxy.uri().toString();
    }

    @BeforeEach
    void signedIn() {
        proxy.up();
        signIn();
        table = lookup("#movieTable").queryTableView();
        waitUntil(() -> !table.getItems().isEmpty());
    }

    /** The stored movie titled exactly {@code title}, or null. */
    protected JsonNode movieNamed(String title) {
        JsonNode edges = server.query("query($t: String) { movies(filter: {titleContains: $t}) { edges { node { "
                + "id title releaseDate rating runtime { minutes } version genres { name } directors { name } } } } }",
                Map.of("t", title)).get("data").get("movies").get("edges");
        for (JsonNode edge : edges) {
            if (edge.get("node").get("title").asString().equals(title)) {
                return edge.get("node");
            }
        }
        return null;
    }
}
