package org.mymoviedb.admin.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.mymoviedb.admin.AdminApp;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.TestServer;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real admin app, in a real (Xvfb) window, against a real server on a fresh database of this test class's
 * own, with an editor account to sign in with. Subclasses seed in their own {@code @BeforeAll}.
 */
@ExtendWith(XvfbDisplay.class)
public abstract class AdminAppTest extends FxRobot {

    protected static final String EDITOR = EditorServer.EDITOR;
    protected static final String PASSWORD = EditorServer.PASSWORD;

    protected static TestServer server;
    protected static Catalogue catalogue;

    protected AdminApp app;
    protected Preferences preferences;

    @BeforeAll
    static void startServer() {
        server = EditorServer.start();
        catalogue = new Catalogue(server.database().dsl());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /**
     * A failing test leaves pictures of its windows in target/failures, since nobody watched it happen; taken
     * before {@code @AfterEach} closes them.
     */
    @RegisterExtension
    final AfterTestExecutionCallback windowsOnFailure = context -> {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        String name = context.getRequiredTestMethod().getName();
        try {
            List<Window> windows = interactAndGet(() -> List.copyOf(Window.getWindows()));
            for (int i = 0; i < windows.size(); i++) {
                Window window = windows.get(i);
                Png.write(interactAndGet(() -> window.getScene().snapshot(null)),
                        Path.of("target/failures", name + "-" + i + ".png"));
            }
        } catch (RuntimeException e) {
            System.err.println("No picture of the failure: " + e);
        }
    };

    @BeforeEach
    void launchApp() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        preferences = Preferences.userRoot().node("mymoviedb-tests/" + UUID.randomUUID());
        app = (AdminApp) FxToolkit.setupApplication(() -> new AdminApp(preferences));
    }

    @AfterEach
    void closeApp() throws TimeoutException, BackingStoreException {
        FxToolkit.cleanupAfterTest(this, app);
        preferences.removeNode();
    }

    protected String serverUrl() {
        return server.uri("/graphql").toString();
    }

    /** Signs in through the login screen, as an editor would, and waits for the movie list. */
    protected void signIn() {
        signIn(EDITOR, PASSWORD);
    }

    /** Signs in as {@code username} through the login screen and waits for the movie list. */
    protected void signIn(String username, String password) {
        replaceText("#serverUrl", serverUrl());
        replaceText("#username", username);
        replaceText("#password", password);
        clickOn("#signIn");
        // Each look-up reads the node it found: the login scene may be replaced by the main window between two.
        AtomicReference<String> refusal = new AtomicReference<>();
        waitUntil(() -> {
            if (lookup("#movieTable").tryQuery().isPresent()) {
                return true;
            }
            lookup("#loginError").tryQuery().map(error -> ((Labeled) error).getText())
                    .filter(message -> !message.isEmpty()).ifPresent(refusal::set);
            return refusal.get() != null;
        });
        if (refusal.get() != null) {
            throw new AssertionError("Sign-in refused: " + refusal.get());
        }
        waitForIdle();
    }

    /** Clicks into a text field, selects what is there and types {@code text} over it. */
    protected void replaceText(String query, String text) {
        clickOn(query).push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        if (!text.isEmpty()) {
            write(text);
        }
    }

    /** Runs {@code action} on the FX thread and returns what it gives. */
    protected <T> T interactAndGet(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for the app", e);
        }
    }

    /** Waits out the filters' typing pause, then for the answers: a list that will not change under the test. */
    protected void settle() {
        sleep(500);
        waitForIdle();
    }

    /** Waits until no network call is running and the FX thread has caught up. */
    protected void waitForIdle() {
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> !lookup("#progress").tryQuery().map(Node::isVisible).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks into {@code query}, presses Tab {@code presses} times, and returns the id focused after each. */
    protected List<String> tabbingFrom(String query, int presses) {
        clickOn(query);
        List<String> focused = new ArrayList<>();
        for (int i = 0; i < presses; i++) {
            push(KeyCode.TAB);
            focused.add(focusedIn(query));
        }
        return focused;
    }

    /** The id of the node holding the keyboard focus in the window that shows {@code query}. */
    protected String focusedIn(String query) {
        WaitForAsyncUtils.waitForFxEvents();
        return interactAndGet(() -> {
            Node owner = lookup(query).query().getScene().getFocusOwner();
            return owner == null ? null : owner.getId();
        });
    }

    /** The table cell showing exactly {@code text} (not the search box that may hold the same words). */
    protected Node cell(String text) {
        return lookup(".table-cell").match(LabeledMatchers.hasText(text)).query();
    }

    /**
     * Whether a cell of the table {@code table} shows exactly {@code text}, as its label or as the wrapping text
     * history's cells draw (shell/HistoryTable); cells, not items, since a row is drawn a pulse after it arrives.
     */
    protected boolean cellShows(String table, String text) {
        return interactAndGet(() -> lookup(table + " .table-cell").queryAll().stream().anyMatch(node ->
                node instanceof Labeled labeled && (text.equals(labeled.getText())
                        || labeled.getGraphic() instanceof javafx.scene.text.Text shown && text.equals(shown.getText()))));
    }

    protected String text(String query) {
        Node node = lookup(query).query();
        if (node instanceof Labeled labeled) {
            return labeled.getText();
        }
        return ((TextInputControl) node).getText();
    }
}
