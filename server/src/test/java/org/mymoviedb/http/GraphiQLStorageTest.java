package org.mymoviedb.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.auth.Role;
import org.mymoviedb.testing.HeadlessChromium;
import org.mymoviedb.testing.FreshServer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/** GraphiQL in a real headless Chromium: a bearer token used in the Headers tab is never stored by the browser. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphiQLStorageTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass();

    private static final String USERNAME = "graphiql-editor";
    private static final String QUERY = "{ me { username } }";
    private static final By QUERY_EDITOR = By.cssSelector(".graphiql-query-editor .CodeMirror");
    private static final By HEADERS_TAB = By.xpath("//div[@class='graphiql-editor-tools-tabs']/button[.='Headers']");
    private static final By HEADERS_EDITOR = By.cssSelector(".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror");
    private static final By RESPONSE = By.cssSelector(".result-window .CodeMirror");

    private ChromeDriver browser;

    /** Each test gets a browser of its own on a fresh profile: no storage from another test. */
    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @Test
    void aTokenRunFromTheHeadersTabIsInNoBrowserStorageAfterAReloadAndInANewTab() {
        String token = server.signedIn(USERNAME, Role.EDITOR);
        String header = "{\"Authorization\": \"Bearer " + token + "\"}";
        String firstTab = browser.getWindowHandle();

        open();
        setEditorText(QUERY_EDITOR, QUERY);
        browser.findElement(HEADERS_TAB).click();
        browser.findElement(HEADERS_EDITOR).click();
        browser.switchTo().activeElement().sendKeys(header);
        assertThat(editorText(HEADERS_EDITOR)).as("what the Headers tab holds").isEqualTo(header);
        browser.findElement(By.cssSelector(".graphiql-execute-button")).click();
        // The server saw the header: only a signed-in request gets its own username back.
        waitFor("the answer to " + QUERY, () -> editorText(RESPONSE).contains("\"username\": \"" + USERNAME + "\""));
        // GraphiQL keeps the tab's state half a second after the last edit; wait for it rather than racing it.
        waitFor("GraphiQL to keep its tab state", () -> storage().get("localStorage").path("graphiql:tabState")
                .asString("").contains("me { username }"));

        browser.navigate().refresh();
        waitForEditors();
        assertThat(editorText(HEADERS_EDITOR)).as("the Headers tab after a reload").doesNotContain(token);
        JsonNode afterReload = storage();

        browser.switchTo().newWindow(WindowType.TAB);
        open();
        JsonNode inNewTab = storage();
        browser.switchTo().window(firstTab);
        JsonNode firstTabAtTheEnd = storage();

        for (JsonNode everything : new JsonNode[] {afterReload, inNewTab, firstTabAtTheEnd}) {
            assertThat(everything.toString()).as("everything the browser stores").doesNotContain(token);
            // The history itself is kept: this storage is the one GraphiQL writes, so the search above saw it.
            assertThat(everything.get("localStorage").path("graphiql:queries").asString(""))
                    .as("GraphiQL's history").contains("me { username }");
        }
        assertThat(browser.manage().getCookies()).as("cookies, HttpOnly ones too")
                .allSatisfy(cookie -> assertThat(cookie.toString()).doesNotContain(token));
    }

    @Test
    void theHistoryEntryRestoredInANewTabBringsBackTheQueryButNoToken() {
        String token = server.signedIn(USERNAME + "-history", Role.EDITOR);
        open();
        setEditorText(QUERY_EDITOR, QUERY);
        browser.findElement(HEADERS_TAB).click();
        setEditorText(HEADERS_EDITOR, "{\"Authorization\": \"Bearer " + token + "\"}");
        browser.findElement(By.cssSelector(".graphiql-execute-button")).click();
        waitFor("the answer to " + QUERY, () -> editorText(RESPONSE).contains(USERNAME + "-history"));

        browser.switchTo().newWindow(WindowType.TAB);
        open();
        setEditorText(QUERY_EDITOR, "{ genres { name } }");
        browser.findElement(By.cssSelector("button[aria-label='Show History']")).click();
        browser.findElement(By.cssSelector("button.graphiql-history-item-label")).click();

        assertThat(editorText(QUERY_EDITOR)).as("the restored query").isEqualTo(QUERY);
        browser.findElement(HEADERS_TAB).click();
        assertThat(editorText(HEADERS_EDITOR)).as("the restored headers").doesNotContain(token, "Bearer");
    }

    @Test
    void aTokenAnEarlierPageLeftInStorageIsErasedOnTheNextVisit() {
        String token = server.signedIn(USERNAME + "-earlier", Role.EDITOR);
        String header = "{\"Authorization\": \"Bearer " + token + "\"}";
        open();
        // What GraphiQL without this page's storage wrote: the header in the history, a favourite and the editor.
        browser.executeScript("var entry = [{query: arguments[0], variables: '', headers: arguments[1]}];"
                + "localStorage.setItem('graphiql:queries', JSON.stringify({queries: entry}));"
                + "localStorage.setItem('graphiql:favorites', JSON.stringify({favorites: entry}));"
                + "localStorage.setItem('graphiql:headers', arguments[1]);", QUERY, header);

        browser.navigate().refresh();
        waitForEditors();

        JsonNode everything = storage();
        assertThat(everything.toString()).as("everything the browser stores").doesNotContain(token);
        assertThat(everything.get("localStorage").path("graphiql:queries").asString(""))
                .as("GraphiQL's history").contains("me { username }");
    }

    /** Opens GraphiQL in the current tab and waits until its editors are up. */
    private void open() {
        browser.get(server.uri("/graphiql").toString());
        waitForEditors();
    }

    private void waitForEditors() {
        waitFor("GraphiQL's editors", () -> !browser.findElements(QUERY_EDITOR).isEmpty()
                && !browser.findElements(HEADERS_TAB).isEmpty());
    }

    /** The text of the CodeMirror editor GraphiQL renders in the element {@code where} finds. */
    private String editorText(By where) {
        return (String) browser.executeScript("return arguments[0].CodeMirror.getValue();", browser.findElement(where));
    }

    /** Replaces that text, as an edit in the editor (GraphiQL hears it as one). */
    private void setEditorText(By where, String text) {
        browser.executeScript("arguments[0].CodeMirror.setValue(arguments[1]);", browser.findElement(where), text);
    }

    /** Everything the page's origin stores (see browser-storage.js), read in the current tab. */
    private JsonNode storage() {
        Object dump = ((JavascriptExecutor) browser).executeAsyncScript(script("graphiql/browser-storage.js"));
        assertThat(dump).as("the storage dump").asString().startsWith("{");
        return Json.MAPPER.readTree(dump.toString());
    }

    private void waitFor(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(what)
                .until((WebDriver ignored) -> condition.getAsBoolean());
    }

    private static String script(String resource) {
        try (InputStream in = GraphiQLStorageTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
