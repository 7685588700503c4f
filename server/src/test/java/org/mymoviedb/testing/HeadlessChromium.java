package org.mymoviedb.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless (no X display), on a fresh profile, driven through Debian's chromedriver. Both paths
 * are given to Selenium, so Selenium Manager never runs and nothing is downloaded.
 */
public final class HeadlessChromium {

    private static final String INSTALL = "install Debian's chromium and chromium-driver packages "
            + "(apt-get install chromium chromium-driver; .ci/run does), or point -Dtest.chromium and "
            + "-Dtest.chromedriver at a Chromium and its matching chromedriver";

    private HeadlessChromium() {
    }

    /** A new browser; fails, naming the packages to install, when the browser or its driver is missing. */
    public static ChromeDriver start() {
        Path browser = executable("test.chromium", "/usr/bin/chromium");
        Path driver = executable("test.chromedriver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions()
                .setBinary(browser.toFile())
                // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static Path executable(String property, String debianPath) {
        Path path = Path.of(System.getProperty(property, debianPath));
        if (!Files.isExecutable(path)) {
            throw new AssertionError("The GraphiQL browser test needs " + path + ": " + INSTALL);
        }
        return path;
    }
}
