package org.mymoviedb.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mymoviedb.Application;
import org.mymoviedb.auth.Role;
import tools.jackson.databind.JsonNode;

/**
 * "A server on a fresh database", the set-up most server tests share, as one JUnit extension. Register it in a
 * static field, and say how long one server lives:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FreshServer server = FreshServer.perTest().withAccount("varda", Role.EDITOR);
 * }</pre>
 *
 * {@link #perTest()} gives every test a database of its own; {@link #perClass()} lets the class's tests share one
 * (they then must not depend on each other's rows). The server is up before the class's own {@code @BeforeAll} /
 * {@code @BeforeEach} methods run, so they may seed it, and it is closed (its database dropped) after them.
 */
public final class FreshServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final boolean perClass;
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, Role> accounts = new LinkedHashMap<>();
    private final Map<String, String> tokens = new HashMap<>();
    private TestServer running;

    private FreshServer(boolean perClass) {
        this.perClass = perClass;
    }

    /** A new server and database for every test. */
    public static FreshServer perTest() {
        return new FreshServer(false);
    }

    /** One server and database for all the tests of the class. */
    public static FreshServer perClass() {
        return new FreshServer(true);
    }

    /** Extra configuration, as an environment variable would give it. */
    public FreshServer with(String variable, String value) {
        env.put(variable, value);
        return this;
    }

    /** An account created and signed in on every server this starts; its token is {@link #token}. */
    public FreshServer withAccount(String username, Role role) {
        accounts.put(username, role);
        return this;
    }

    /** The server of the running test (or class). */
    public TestServer get() {
        if (running == null) {
            throw new IllegalStateException("no server is running: FreshServer must be a static @RegisterExtension");
        }
        return running;
    }

    // The running server's calls, so a test reads server.query(...) whichever way its server was started.

    public JsonNode query(String query) {
        return get().query(query);
    }

    public JsonNode query(String query, Map<String, Object> variables) {
        return get().query(query, variables);
    }

    public JsonNode queryAs(String token, String query, Map<String, Object> variables) {
        return get().queryAs(token, query, variables);
    }

    public JsonNode execute(String query, Map<String, Object> variables) {
        return get().execute(query, variables);
    }

    public HttpResponse<String> post(String body) {
        return get().post(body);
    }

    public HttpResponse<String> send(HttpRequest request) {
        return get().send(request);
    }

    public URI uri(String path) {
        return get().uri(path);
    }

    public String signedIn(String username, Role role) {
        return get().signedIn(username, role);
    }

    public TestDatabase database() {
        return get().database();
    }

    public Application app() {
        return get().app();
    }

    /** The bearer token of an account given to {@link #withAccount}. */
    public String token(String username) {
        String token = tokens.get(username);
        if (token == null) {
            throw new IllegalArgumentException("no account " + username + " was asked for with withAccount");
        }
        return token;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (perClass) {
            start();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (perClass) {
            stop();
        }
    }

    private void start() {
        running = TestServer.start(env);
        accounts.forEach((username, role) -> tokens.put(username, running.signedIn(username, role)));
    }

    private void stop() {
        if (running == null) {
            return; // it failed to start, and that failure is the one the test reports
        }
        try {
            running.close();
        } finally {
            running = null;
            tokens.clear();
        }
    }
}
