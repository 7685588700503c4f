package org.mymoviedb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.mymoviedb.Application;
import org.mymoviedb.config.ServerConfig;
import org.mymoviedb.db.ConnectionSettings;
import org.mymoviedb.db.DatabaseProvisioner;
import org.mymoviedb.testing.TestDatabase;

/** Migrations at startup can be switched off; the server then refuses a database that is behind. */
class StartupTest {

    @Test
    void withMigrationsOffAnUnmigratedDatabaseIsRefusedAndLeftUntouched() {
        ConnectionSettings empty = TestDatabase.createEmpty();
        try {
            ServerConfig config = ServerConfig.fromEnvironment(Map.of("HOST", "127.0.0.1", "PORT", "0",
                    "MIGRATE_ON_START", "false", "LOAD_SAMPLE_DATA", "false"));
            assertThatThrownBy(() -> Application.start(config, empty, "test"))
                    .hasMessageContaining("MIGRATE_ON_START=false")
                    .hasMessageContaining("`migrate`");
            try (var ds = TestDatabase.pool(empty, 1)) {
                assertThat(DSL.using(ds, org.jooq.SQLDialect.POSTGRES).fetchCount(DSL.table("information_schema.tables"),
                        DSL.field("table_schema").eq("public"))).isZero();
            }
        } finally {
            DatabaseProvisioner.dropIfExists(empty, empty.database());
        }
    }

    @Test
    void aServerStartsOnADatabaseThatDoesNotExistYet() {
        ConnectionSettings missing = TestDatabase.server().withDatabase("mmdb_missing_" + System.nanoTime());
        ServerConfig config = ServerConfig.fromEnvironment(Map.of("HOST", "127.0.0.1", "PORT", "0",
                "LOAD_SAMPLE_DATA", "false"));
        try (Application app = Application.start(config, missing, "test")) {
            assertThat(app.database().health().isUp()).isTrue();
            assertThat(app.database().dsl().fetchCount(org.mymoviedb.jooq.Tables.MOVIE)).isZero();
        } finally {
            DatabaseProvisioner.dropIfExists(missing, missing.database());
        }
    }

    @Test
    void aPortInUseIsOneClearSentence() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"));
             org.mymoviedb.testing.TestDatabase db = org.mymoviedb.testing.TestDatabase.create()) {
            ServerConfig config = ServerConfig.fromEnvironment(Map.of("HOST", "127.0.0.1",
                    "PORT", String.valueOf(taken.getLocalPort()), "LOAD_SAMPLE_DATA", "false"));
            assertThatThrownBy(() -> Application.start(config, db.settings(), "test"))
                    .hasMessageContaining("Cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("set PORT to a free port");
        }
    }
}
