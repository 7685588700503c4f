package org.mymoviedb.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default starts, as root too, keeps its data across restarts, and shares a running server. */
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
