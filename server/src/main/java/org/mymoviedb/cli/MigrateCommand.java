package org.mymoviedb.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.mymoviedb.config.ServerConfig;
import org.mymoviedb.db.DatabaseProvisioner;
import org.mymoviedb.db.DatabaseServer;
import org.mymoviedb.db.SchemaMigrator;
import picocli.CommandLine.Command;

/** {@code migrate}: brings the database's schema up to date, and nothing else. */
@Command(name = "migrate", description = "Apply pending database migrations and exit.", mixinStandardHelpOptions = true)
public final class MigrateCommand implements Callable<Integer> {

    private final Map<String, String> env;

    public MigrateCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        ServerConfig config = ServerConfig.fromEnvironment(env);
        try (DatabaseServer server = DatabaseOptions.resolve(config, env)) {
            DatabaseProvisioner.createIfMissing(server.settings());
            SchemaMigrator.Outcome outcome = SchemaMigrator.migrate(server.settings().unpooledDataSource());
            System.out.println("Migrated " + server.describe() + ": " + outcome.applied()
                    + " migrations applied, schema version " + outcome.schemaVersion());
        }
        return 0;
    }
}
