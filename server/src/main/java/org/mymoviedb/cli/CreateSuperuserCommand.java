package org.mymoviedb.cli;

import java.io.Console;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mymoviedb.auth.Role;
import org.mymoviedb.auth.User;
import org.mymoviedb.base.UserErrorsException;
import picocli.CommandLine.Command;

/** {@code createsuperuser}: asks for a username and password at the terminal, like Django's, and makes an admin. */
@Command(name = "createsuperuser", mixinStandardHelpOptions = true,
        description = "Create an admin account interactively (needs a terminal).")
public final class CreateSuperuserCommand implements Callable<Integer> {

    private final Map<String, String> env;

    public CreateSuperuserCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Console console = System.console();
        if (console == null) {
            throw new IllegalStateException("createsuperuser needs a terminal. In scripts, use: "
                    + "createuser --username NAME --role admin --password-stdin");
        }
        while (true) {
            String username = console.readLine("Username: ");
            if (username == null) {
                return 1;
            }
            char[] password = console.readPassword("Password: ");
            char[] again = console.readPassword("Password (again): ");
            if (password == null || again == null) {
                return 1;
            }
            if (!Arrays.equals(password, again)) {
                console.printf("Error: your passwords didn't match.%n");
                continue;
            }
            try {
                User user = AccountCreation.create(env, username.strip(), new String(password), Role.ADMIN);
                console.printf("Superuser %s created.%n", user.username());
                return 0;
            } catch (UserErrorsException e) {
                e.errors().forEach(error -> console.printf("Error: %s%n", error.message()));
            } finally {
                Arrays.fill(password, '\0');
                Arrays.fill(again, '\0');
            }
        }
    }
}
