package org.mymoviedb.scaleout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A real nginx or HAProxy, run in the foreground as this user with its pid, logs and temp files under a directory of
 * its own, configured with the README's own example (the fenced block of that language in "Running more than one
 * instance"), its example addresses swapped for the two instances' and a free port: so the README cannot say what
 * no test ran. Absent binaries skip the test, except under CI=true, which installs them (.ci/run): there they fail.
 */
final class ReadmeProxy implements AutoCloseable {

    /** The README's example backends and listen directives, swapped for real ones. */
    private static final String EXAMPLE_A = "10.0.0.11:8080";
    private static final String EXAMPLE_B = "10.0.0.12:8080";
    /** Free ports for proxies are looked for here (this project's test range for proxies). */
    private static final int FIRST_PORT = 19100;
    private static final int LAST_PORT = 19199;

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ReadmeProxy(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** {@code kind} "nginx" or "haproxy" in front of 127.0.0.1:{@code a} and :{@code b}, started under {@code dir}. */
    static ReadmeProxy start(String kind, int a, int b, Path dir) throws Exception {
        Path binary = binary(kind);
        int port = freePort();
        String example = readmeBlock(kind);
        String backends = replaceOnce(replaceOnce(example, EXAMPLE_A, "127.0.0.1:" + a), EXAMPLE_B, "127.0.0.1:" + b);
        Path log = dir.resolve(kind + ".log");
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        if (kind.equals("nginx")) {
            String http = replaceOnce(backends, "listen 80;", "listen 127.0.0.1:" + port + ";");
            for (String temp : new String[] {"body", "proxy", "fastcgi", "uwsgi", "scgi"}) {
                Files.createDirectories(dir.resolve(temp));
            }
            String conf = "daemon off;\nmaster_process off;\npid " + dir.resolve("nginx.pid") + ";\n"
                    + "error_log " + log + " info;\nevents { worker_connections 512; }\nhttp {\n"
                    + "access_log " + dir.resolve("access.log") + ";\n"
                    + "client_body_temp_path " + dir.resolve("body") + ";\nproxy_temp_path " + dir.resolve("proxy")
                    + ";\nfastcgi_temp_path " + dir.resolve("fastcgi") + ";\nuwsgi_temp_path " + dir.resolve("uwsgi")
                    + ";\nscgi_temp_path " + dir.resolve("scgi") + ";\n" + http + "\n}\n";
            Path file = Files.writeString(dir.resolve("nginx.conf"), conf);
            command.addAll(List.of("-p", dir + "/", "-c", file.toString(), "-e", log.toString()));
        } else {
            String conf = replaceOnce(backends, "bind :80", "bind 127.0.0.1:" + port);
            Path file = Files.writeString(dir.resolve("haproxy.cfg"), conf + "\n");
            command.addAll(List.of("-db", "-f", file.toString(), "-p", dir.resolve("haproxy.pid").toString()));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(kind + ".out").toFile())).start();
        ReadmeProxy proxy = new ReadmeProxy(kind, process, port, dir.resolve(kind + ".out"));
        proxy.awaitListening();
        return proxy;
    }

    int port() {
        return port;
    }

    java.net.URI uri(String path) {
        return java.net.URI.create("http://127.0.0.1:" + port + path);
    }

    /** The fenced code block of {@code language} in README.md's "Running more than one instance". */
    static String readmeBlock(String language) throws IOException {
        String readme = Files.readString(readme());
        int section = readme.indexOf("\n## Running more than one instance");
        int end = readme.indexOf("\n## ", section + 1);
        if (section < 0) {
            throw new AssertionError("README.md has no section 'Running more than one instance'");
        }
        Matcher block = Pattern.compile("\n```" + language + "\n(.*?)\n```", Pattern.DOTALL)
                .matcher(readme.substring(section, end < 0 ? readme.length() : end));
        if (!block.find()) {
            throw new AssertionError("README.md's 'Running more than one instance' has no ```" + language + " block");
        }
        return block.group(1);
    }

    private static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("server"))) {
                return dir.resolve("README.md");
            }
        }
        throw new AssertionError("README.md not found above " + Path.of("").toAbsolutePath());
    }

    private static String replaceOnce(String text, String example, String real) {
        int at = text.indexOf(example);
        if (at < 0 || text.indexOf(example, at + 1) >= 0) {
            throw new AssertionError("the README's example should contain '" + example + "' once:\n" + text);
        }
        return text.replace(example, real);
    }

    /** The binary on PATH or in /usr/sbin (Debian's place for both, often off a user's PATH). */
    private static Path binary(String kind) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/usr/local/sbin", "/sbin"));
        for (String dir : dirs) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, kind);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String missing = kind + " is not installed (Debian package '" + kind + "'), so the README's " + kind
                + " example cannot be run";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(missing + "; CI installs it (.ci/run), so this is a failure there");
        }
        Assumptions.abort(missing + "; skipped outside CI (apt-get install -y " + kind + ")");
        return null;
    }

    private static int freePort() throws IOException {
        for (int port = FIRST_PORT; port <= LAST_PORT; port++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("127.0.0.1", port));
                return port;
            } catch (IOException taken) {
                // next
            }
        }
        throw new IOException("no free port in " + FIRST_PORT + "-" + LAST_PORT);
    }

    private void awaitListening() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited: " + output());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError(name + " not listening on " + port + " in 20 s: " + output());
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws Exception {
        process.destroy(); // SIGTERM: both stop at once
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
