package org.mymoviedb.cli;

import java.util.Map;
import org.mymoviedb.config.ServerConfig;
import org.mymoviedb.db.ConnectionSettings;
import org.mymoviedb.db.DatabaseServer;

/** How every command finds its database: DATABASE_URL, else the embedded server and its "mymoviedb" database. */
final class DatabaseOptions {

    private DatabaseOptions() {
    }

    static DatabaseServer resolve(ServerConfig config, Map<String, String> env) {
        return DatabaseServer.fromEnvironment(env, config.embeddedDataDir(),
                ConnectionSettings.DEFAULT_DATABASE);
    }
}
