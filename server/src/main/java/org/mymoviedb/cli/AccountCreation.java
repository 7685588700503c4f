package org.mymoviedb.cli;

import java.util.Map;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.mymoviedb.auth.PasswordHasher;
import org.mymoviedb.auth.Role;
import org.mymoviedb.auth.User;
import org.mymoviedb.auth.UserAccounts;
import org.mymoviedb.config.ServerConfig;
import org.mymoviedb.db.DatabaseProvisioner;
import org.mymoviedb.db.DatabaseServer;
import org.mymoviedb.db.SchemaMigrator;

/** Creates an account from the command line: on a migrated database, with "(command line)" in its history. */
final class AccountCreation {

    private AccountCreation() {
    }

    static User create(Map<String, String> env, String username, String password, Role role) {
        ServerConfig config = ServerConfig.fromEnvironment(env);
        try (DatabaseServer server = DatabaseOptions.resolve(config, env)) {
            DatabaseProvisioner.createIfMissing(server.settings());
            var dataSource = server.settings().unpooledDataSource();
            SchemaMigrator.migrate(dataSource);
            return new UserAccounts(DSL.using(dataSource, SQLDialect.POSTGRES), new PasswordHasher())
                    .create(null, username, password, role);
        }
    }
}
