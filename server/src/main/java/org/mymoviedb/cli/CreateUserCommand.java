package org.mymoviedb.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mymoviedb.auth.Role;
import org.mymoviedb.auth.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code createuser}: creates an account non-interactively, for scripts and CI. */
@Command(name = "createuser", mixinStandardHelpOptions = true,
        description = "Create an account; the password is read from standard input (one line).")
public final class CreateUserCommand implements Callable<Integer> {

    @Option(names = "--username", required = true, description = "Letters, digits and _.@+-, at most 150.")
    String username;

    @Option(names = "--role", required = true, description = "admin or editor.")
    String role;

    @Option(names = "--password-stdin", required = true,
            description = "Read the password from standard input, so it never appears in a process list.")
    boolean passwordStdin;

    private final Map<String, String> env;
    private final InputStream in;
    private final PrintStream out;

    public CreateUserCommand(Map<String, String> env, InputStream in, PrintStream out) {
        this.env = env;
        this.in = in;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        Role parsedRole;
        try {
            parsedRole = Role.valueOf(role.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--role must be admin or editor, not " + role);
        }
        String password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (password == null) {
            throw new IllegalArgumentException("No password on standard input");
        }
        User user = AccountCreation.create(env, username, password, parsedRole);
        out.println("Created " + user.role().dbValue() + " " + user.username());
        return 0;
    }
}
