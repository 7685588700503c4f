package org.mymoviedb.admin.support;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes sure an X server answers on the display surefire gave the tests (DISPLAY, :99 by default): a machine
 * without a screen gets an Xvfb started here, once per test JVM, and stopped when the JVM exits. Windows are
 * managed as on an editor's desktop: openbox runs on it too (window sizes, positions and decorations come from a
 * window manager; bare Xvfb shows every window where and as large as it asks).
 */
public final class XvfbDisplay implements BeforeAllCallback {

    private static Process xvfb;
    private static Process openbox;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ensureRunning();
    }

    static synchronized void ensureRunning() throws IOException, InterruptedException {
        String display = System.getenv("DISPLAY");
        if (display == null || !display.matches(":\\d+")) {
            // A real desktop (or a remote one): use it as it is.
            if (display != null) {
                return;
            }
            throw new IllegalStateException("DISPLAY is not set; the desktop tests run through Maven, which sets it");
        }
        Path socket = Path.of("/tmp/.X11-unix/X" + display.substring(1));
        if (!answers(socket)) {
            startXvfb(display, socket);
        }
        startWindowManager(display);
    }

    /**
     * Starts openbox on {@code display}, once per JVM, stopped with the JVM like Xvfb; where another window
     * manager already runs there, openbox leaves it be and exits.
     */
    private static void startWindowManager(String display) throws IOException, InterruptedException {
        if (openbox != null) {
            return;
        }
        Path binary = Path.of("/usr/bin/openbox");
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("No openbox to manage the test windows: install it (apt-get install "
                    + "openbox); the window tests check sizes and positions a window manager gives");
        }
        Path log = Files.createTempFile("openbox", ".log");
        String script = "DISPLAY=\"$1\" \"$0\" --sm-disable & o=$!; "
                + "while kill -0 \"$2\" 2>/dev/null && kill -0 $o 2>/dev/null; do sleep 1; done; kill $o 2>/dev/null";
        openbox = new ProcessBuilder("sh", "-c", script, binary.toString(), display,
                Long.toString(ProcessHandle.current().pid()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // Openbox takes the screen within a moment; windows opened before it would start unmanaged.
        Thread.sleep(1000);
    }

    private static void startXvfb(String display, Path socket) throws IOException, InterruptedException {
        Path binary = Path.of("/usr/bin/Xvfb");
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("No X server on " + display + " and no Xvfb to start one: "
                    + "install xvfb (apt-get install xvfb), or run the tests with DISPLAY set to a real screen");
        }
        Path log = Files.createTempFile("xvfb", ".log");
        // Stopped by a watcher once this JVM is gone, not by a shutdown hook: GTK exits the JVM with status 1
        // when its X server disappears under it, and surefire would count that as a crashed fork.
        String script = "\"$0\" \"$1\" -screen 0 1400x900x24 -nolisten tcp & x=$!; "
                + "while kill -0 \"$2\" 2>/dev/null && kill -0 $x 2>/dev/null; do sleep 1; done; kill $x 2>/dev/null";
        xvfb = new ProcessBuilder("sh", "-c", script, binary.toString(), display,
                Long.toString(ProcessHandle.current().pid()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        for (int i = 0; i < 100; i++) {
            if (answers(socket)) {
                return;
            }
            if (!xvfb.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Xvfb did not start on " + display + ": " + Files.readString(log));
    }

    private static boolean answers(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
