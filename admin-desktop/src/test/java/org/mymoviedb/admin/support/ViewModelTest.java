package org.mymoviedb.admin.support;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.shell.Background;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.TestServer;

/**
 * A view-model driven by a plain JUnit test, without a window: a real server on a fresh database of this test
 * class's own, a real client signed in as an editor, and a Background that runs each call and its answer on the
 * test's own thread, so every call has landed when the method that started it returns.
 */
public abstract class ViewModelTest {

    protected static final String EDITOR = EditorServer.EDITOR;
    protected static final String PASSWORD = EditorServer.PASSWORD;

    protected static TestServer server;
    protected static Catalogue catalogue;

    @BeforeAll
    static void startServer() {
        server = EditorServer.start();
        catalogue = new Catalogue(server.database().dsl());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** A client for this class's server, not signed in yet. */
    protected static CatalogueClient client() {
        return new CatalogueClient(server.uri("/graphql"), Duration.ofSeconds(15));
    }

    /** A client for this class's server, signed in as the editor. */
    protected static CatalogueClient signedInClient() {
        CatalogueClient client = client();
        client.login(EDITOR, PASSWORD);
        return client;
    }

    /** Calls and their answers on the test's thread: a call has landed when whatever started it returns. */
    protected static Background inline() {
        return new Background(Runnable::run, Runnable::run);
    }
}
