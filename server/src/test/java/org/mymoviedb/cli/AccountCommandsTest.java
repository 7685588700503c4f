package org.mymoviedb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.jooq.Tables.APP_USER;
import static org.mymoviedb.jooq.Tables.AUDIT_ENTRY;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mymoviedb.testing.CommandRun;
import org.mymoviedb.testing.TestDatabase;

/** createuser for scripts, createsuperuser at a terminal (a real pseudo-terminal, through script(1)). */
class AccountCommandsTest {

    private TestDatabase db;
    private Map<String, String> env;

    @BeforeEach
    void database() {
        db = TestDatabase.create();
        env = Map.of("DATABASE_URL", CommandRun.databaseUrl(db.settings()));
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void createuserReadsThePasswordFromStandardInput() {
        CommandRun result = run("correct horse battery staple\n", "createuser", "--username", "ed", "--role", "editor",
                "--password-stdin");
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("Created editor ed");
        var row = db.dsl().selectFrom(APP_USER).fetchOne();
        assertThat(row.getRole()).isEqualTo("editor");
        assertThat(row.getPasswordHash()).startsWith("$argon2id$").doesNotContain("staple");
        assertThat(db.dsl().fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.USERNAME.eq("(command line)"))).isEqualTo(1);
    }

    @Test
    void createuserRefusesAShortPasswordAnUnknownRoleAndATakenName() {
        assertThat(run("short\n", "createuser", "--username", "ed", "--role", "editor", "--password-stdin").err())
                .contains("at least 12 characters");
        assertThat(run("correct horse battery staple\n", "createuser", "--username", "ed", "--role", "owner",
                "--password-stdin").err()).contains("admin or editor");
        run("correct horse battery staple\n", "createuser", "--username", "ed", "--role", "editor", "--password-stdin");
        CommandRun taken = run("another long password\n", "createuser", "--username", "ED", "--role", "admin",
                "--password-stdin");
        assertThat(taken.exit()).isEqualTo(1);
        assertThat(taken.err()).contains("taken");
        assertThat(db.dsl().fetchCount(APP_USER)).isEqualTo(1);
    }

    @Test
    void createsuperuserWithoutATerminalSaysWhatToDoInstead() {
        CommandRun result = run("", "createsuperuser");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("needs a terminal").contains("--password-stdin");
    }

    @Test
    void createsuperuserAsksAtATerminal() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) from util-linux");
        String command = String.join(" ", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.mymoviedb.Main", "createsuperuser");
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/script", "-qec", command, "/dev/null")
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        try (OutputStream terminal = process.getOutputStream()) {
            type(terminal, process, "Username: ", "boss");
            type(terminal, process, "Password: ", "a long enough password");
            type(terminal, process, "Password (again): ", "a long enough password");
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String screen = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(screen).isZero();
        assertThat(screen).contains("Superuser boss created.").doesNotContain("a long enough password");
        assertThat(db.dsl().selectFrom(APP_USER).fetchOne().getRole()).isEqualTo("admin");
    }

    /** Waits for {@code prompt} on the terminal, then types {@code answer} and Enter. */
    private static void type(OutputStream terminal, Process process, String prompt, String answer) throws Exception {
        InputStream screen = process.getInputStream();
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!seen.toString().endsWith(prompt) && System.nanoTime() < deadline) {
            int c = screen.read();
            if (c < 0) {
                throw new AssertionError("terminal closed before '" + prompt + "': " + seen);
            }
            seen.append((char) c);
        }
        terminal.write((answer + "\r").getBytes(StandardCharsets.UTF_8));
        terminal.flush();
    }

    private CommandRun run(String stdin, String... args) {
        return CommandRun.of(env, stdin, args);
    }

}
