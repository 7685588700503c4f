package org.mymoviedb.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.mymoviedb.Main;
import org.mymoviedb.db.ConnectionSettings;

/**
 * Runs one of the server jar's commands in this JVM, as a shell would: with an environment, standard input, and
 * its output captured.
 *
 * @param exit the exit code
 * @param out  standard output
 * @param err  standard error
 */
public record CommandRun(int exit, String out, String err) {

    public static synchronized CommandRun of(Map<String, String> env, String stdin, String... args) {
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(env, args);
            return new CommandRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    /** DATABASE_URL for {@code settings}, credentials included. */
    public static String databaseUrl(ConnectionSettings s) {
        return "postgres://" + s.user() + (s.password() == null ? "" : ":" + s.password()) + "@" + s.host() + ":"
                + s.port() + "/" + s.database();
    }
}
