package org.mymoviedb.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.mymoviedb.Application;
import org.mymoviedb.config.ServerConfig;
import org.mymoviedb.db.DatabaseServer;
import picocli.CommandLine.Command;

/** {@code serve}: runs the API until SIGTERM or Ctrl+C, then drains in-flight requests and stops. */
@Command(name = "serve", description = "Serve the GraphQL API (the default command).", mixinStandardHelpOptions = true)
public final class ServeCommand implements Callable<Integer> {

    private final Map<String, String> env;

    public ServeCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = ServerConfig.fromEnvironment(env);
        DatabaseServer server = DatabaseOptions.resolve(config, env);
        Application app;
        try {
            app = Application.start(config, server.settings(), server.describe());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                app.close();
            } finally {
                server.close();
                stopped.countDown();
            }
        }, "shutdown"));
        stopped.await();
        return 0;
    }
}
