package org.mymoviedb.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default starts, as root too, keeps its data across restarts, shares a running server, and is stopped
 * by the last user, whichever started it. (Two real server processes: SharedEmbeddedPostgresTest in server/.)
 */
class EmbeddedPostgresTest {

    @TempDir
    Path home;

    @Test
    void startsKeepsDataAcrossRestartsAndStops() throws Exception {
        Path data = home.resolve("postgres");
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(data)) {
            assertThat(pg.startedHere()).isTrue();
            try (Connection c = connect(pg); Statement s = c.createStatement()) {
                s.execute("create table kept (title text)");
                s.execute("insert into kept values ('Stalker')");
            }
            // A second process on the same data directory attaches instead of starting another server.
            try (EmbeddedPostgres attached = EmbeddedPostgres.start(data)) {
                assertThat(attached.startedHere()).isFalse();
                assertThat(attached.port()).isEqualTo(pg.port());
            }
            try (Connection c = connect(pg)) {
                assertThat(c.isValid(2)).as("still running after the attached one closed").isTrue();
            }
        }
        assertThat(data.resolve("postmaster.pid")).doesNotExist();
        try (EmbeddedPostgres again = EmbeddedPostgres.start(data);
             Connection c = connect(again); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select title from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Stalker");
        }
    }

    @Test
    void theLastUserStopsItWhoeverStartedIt() throws Exception {
        Path data = home.resolve("shared");
        EmbeddedPostgres first = EmbeddedPostgres.start(data);
        try (EmbeddedPostgres second = EmbeddedPostgres.start(data)) {
            assertThat(second.startedHere()).isFalse();
            first.close();
            try (Connection c = connect(second)) {
                assertThat(c.isValid(2)).as("running for the second after the first, its starter, closed").isTrue();
            }
            assertThat(data.resolve("postmaster.pid")).exists();
        } finally {
            first.close();
        }
        assertThat(data.resolve("postmaster.pid")).as("stopped by the last one out").doesNotExist();
        assertThat(ClusterLeases.of(data).directory()).isEmptyDirectory();
    }

    @Test
    void aLeaseLeftByAKilledProcessDoesNotKeepItRunning() throws Exception {
        Path data = home.resolve("killed");
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(data)) {
            // What kill -9 leaves behind: a lease file that no live process holds locked.
            Files.writeString(ClusterLeases.of(data).directory().resolve("2147483646-1.lease"), "pid 2147483646\n");
            try (Connection c = connect(pg)) {
                assertThat(c.isValid(2)).isTrue();
            }
        }
        assertThat(data.resolve("postmaster.pid")).doesNotExist();
        assertThat(ClusterLeases.of(data).directory()).isEmptyDirectory();
    }

    @Test
    void theDataDirectoryFollowsXdgDataHomeElseTheAccountsHome() {
        Path home = Path.of(System.getProperty("user.home"));
        assertThat(EmbeddedPostgres.defaultDataDirectory(Map.of("XDG_DATA_HOME", "/srv/films/share")))
                .isEqualTo(Path.of("/srv/films/share/mymoviedb/postgres"));
        assertThat(EmbeddedPostgres.defaultDataDirectory(Map.of()))
                .isEqualTo(home.resolve(".local/share/mymoviedb/postgres"));
        assertThat(EmbeddedPostgres.defaultDataDirectory(Map.of("XDG_DATA_HOME", " ")))
                .isEqualTo(home.resolve(".local/share/mymoviedb/postgres"));
        // The XDG specification: a relative path there is invalid and ignored.
        assertThat(EmbeddedPostgres.defaultDataDirectory(Map.of("XDG_DATA_HOME", "relative/share")))
                .isEqualTo(home.resolve(".local/share/mymoviedb/postgres"));
    }

    @Test
    void runsWhenTheCallerIsRootAndStoresItsPasswordPrivately() throws Exception {
        Path data = home.resolve("pg-root");
        try (EmbeddedPostgres pg = EmbeddedPostgres.start(data);
             Connection c = connect(pg); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_user, version()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("postgres");
            assertThat(rs.getString(2)).startsWith("PostgreSQL 18");
        }
        Path password = data.resolveSibling("pg-root.password");
        assertThat(Files.getPosixFilePermissions(password)).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        // These machines run tests as root; say so, so the result means what it claims.
        System.out.println("embedded PostgreSQL test ran as root: " + EmbeddedPostgres.isRoot());
    }

    private static Connection connect(EmbeddedPostgres pg) throws Exception {
        ConnectionSettings s = pg.settings("postgres");
        return DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
    }
}
