package org.mymoviedb.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    @Test
    void postgresUrlsCarryCredentialsHostPortAndDatabase() {
        ConnectionSettings s = ConnectionSettings.parse("postgres://movie%40admin:p%3Ass@db.example:6543/catalogue?sslmode=require", Map.of());
        assertThat(s.user()).isEqualTo("movie@admin");
        assertThat(s.password()).isEqualTo("p:ss");
        assertThat(s.host()).isEqualTo("db.example");
        assertThat(s.port()).isEqualTo(6543);
        assertThat(s.database()).isEqualTo("catalogue");
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/catalogue?sslmode=require");
    }

    @Test
    void jdbcUrlsCarryCredentialsAsParameters() {
        ConnectionSettings s = ConnectionSettings.parse("jdbc:postgresql://localhost/films?user=ed&password=secret", Map.of());
        assertThat(s.user()).isEqualTo("ed");
        assertThat(s.password()).isEqualTo("secret");
        assertThat(s.port()).isEqualTo(5432);
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/films");
    }

    @Test
    void pgVariablesFillWhatTheUrlLeavesOut() {
        ConnectionSettings s = ConnectionSettings.parse("postgres:///", Map.of(
                "PGHOST", "pg.internal", "PGPORT", "5555", "PGUSER", "svc", "PGPASSWORD", "pw", "PGDATABASE", "mdb"));
        assertThat(s.host()).isEqualTo("pg.internal");
        assertThat(s.port()).isEqualTo(5555);
        assertThat(s.user()).isEqualTo("svc");
        assertThat(s.password()).isEqualTo("pw");
        assertThat(s.database()).isEqualTo("mdb");
    }

    @Test
    void theDatabaseDefaultsToMymoviedb() {
        assertThat(ConnectionSettings.parse("postgres://u@h", Map.of()).database()).isEqualTo("mymoviedb");
    }

    @Test
    void thePasswordNeverAppearsInTextForLogs() {
        ConnectionSettings s = ConnectionSettings.parse("postgres://u:topsecret@h/db", Map.of());
        assertThat(s.toString()).doesNotContain("topsecret");
        assertThat(s.describe()).doesNotContain("topsecret");
        assertThat(s.jdbcUrl()).doesNotContain("topsecret");
    }

    @Test
    void otherSchemesAreRefused() {
        assertThatThrownBy(() -> ConnectionSettings.parse("mysql://u@h/db", Map.of()))
                .hasMessageContaining("postgres://");
    }

    @Test
    void withoutDatabaseUrlTheEmbeddedServerIsUsed() {
        assertThat(ConnectionSettings.fromEnvironment(Map.of("PGHOST", "x"))).isEmpty();
    }
}
