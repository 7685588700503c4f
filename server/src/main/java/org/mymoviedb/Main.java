package org.mymoviedb;

import java.util.Map;
import java.util.concurrent.Callable;
import org.mymoviedb.cli.CreateSuperuserCommand;
import org.mymoviedb.cli.CreateUserCommand;
import org.mymoviedb.cli.ImportCommand;
import org.mymoviedb.cli.MigrateCommand;
import org.mymoviedb.cli.ServeCommand;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The server jar's entry point: {@code serve} (the default), {@code migrate}, {@code import FILE},
 * {@code createuser}, {@code createsuperuser}.
 */
@Command(name = "mymoviedb", mixinStandardHelpOptions = true, version = "mymoviedb 0.1.0",
        description = "The mymoviedb movie catalogue: GraphQL API server and its maintenance commands.")
public final class Main implements Callable<Integer> {

    private final Map<String, String> env;

    private Main(Map<String, String> env) {
        this.env = env;
    }

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        int exit = run(System.getenv(), args);
        if (exit != 0 || (args.length > 0 && !"serve".equals(args[0]))) {
            System.exit(exit);
        }
    }

    /** Runs one command against {@code env} (the process environment, or a test's); returns its exit code. */
    public static int run(Map<String, String> env, String... args) {
        CommandLine commandLine = new CommandLine(new Main(env))
                .addSubcommand(new ServeCommand(env))
                .addSubcommand(new MigrateCommand(env))
                .addSubcommand(new ImportCommand(env, System.out))
                .addSubcommand(new CreateUserCommand(env, System.in, System.out))
                .addSubcommand(new CreateSuperuserCommand(env))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // A person reads this: the cause in one line; the stack trace only in the debug log.
                    LoggerFactory.getLogger(Main.class).debug("Command failed", e);
                    String message = e instanceof org.mymoviedb.base.UserErrorsException errors
                            ? String.join("; ", errors.errors().stream().map(u -> u.message()).toList())
                            : e.getMessage();
                    cmd.getErr().println("mymoviedb: " + message);
                    return 1;
                });
        return commandLine.execute(args);
    }

    /** With no subcommand, serve. */
    @Override
    public Integer call() throws Exception {
        return new ServeCommand(env).call();
    }
}
