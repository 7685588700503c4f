package org.mymoviedb.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the startup log says about the database: enough to find the data, never the password. */
class DatabaseServerTest {

    @TempDir
    Path home;

    @Test
    void theEmbeddedServerIsDescribedWithItsDataAndTheOsUserWhoseItIs() {
        Path data = home.resolve("postgres");
        try (DatabaseServer server = DatabaseServer.fromEnvironment(Map.of(), data, "mymoviedb")) {
            assertThat(server.describe())
                    .startsWith("embedded PostgreSQL at 127.0.0.1:" + server.settings().port() + "/mymoviedb as postgres")
                    .contains("data in " + data.toAbsolutePath())
                    .contains("OS user " + System.getProperty("user.name"))
                    .contains("home " + System.getProperty("user.home"))
                    .doesNotContain(server.settings().password());
        }
    }
}
