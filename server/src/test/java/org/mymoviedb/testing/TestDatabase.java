package org.mymoviedb.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.mymoviedb.db.ConnectionSettings;
import org.mymoviedb.db.DatabaseProvisioner;
import org.mymoviedb.db.DatabaseServer;
import org.mymoviedb.db.SchemaMigrator;

/**
 * A fresh, migrated database of a test's own on a real PostgreSQL server (DATABASE_URL's, else an embedded one
 * kept for tests), dropped on close. Copies a template migrated once per test JVM, so creating one is cheap.
 */
public final class TestDatabase implements AutoCloseable {

    private static DatabaseServer server;
    private static String template;

    private final ConnectionSettings settings;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;

    private TestDatabase(ConnectionSettings settings) {
        this.settings = settings;
        this.dataSource = pool(settings, 4);
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    /** A new database with the current schema and no rows. */
    public static TestDatabase create() {
        String name = "mmdb_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        ConnectionSettings server = server();
        DatabaseProvisioner.createFromTemplate(server, name, migratedTemplate());
        return new TestDatabase(server.withDatabase(name));
    }

    /** A new database with no schema at all: for testing migrations themselves. */
    public static ConnectionSettings createEmpty() {
        String name = "mmdb_empty_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        ConnectionSettings settings = server().withDatabase(name);
        DatabaseProvisioner.createIfMissing(settings);
        return settings;
    }

    /** Settings of the test server, database "postgres". */
    public static synchronized ConnectionSettings server() {
        if (server == null) {
            // Tests never touch the user's own embedded data: they get a cluster of their own.
            Path testCluster = Path.of(System.getProperty("user.home"), ".cache", "mymoviedb", "test-postgres");
            server = DatabaseServer.fromEnvironment(System.getenv(), testCluster, "postgres");
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::shutdown, "test-database-cleanup"));
        }
        return server.settings().withDatabase("postgres");
    }

    private static synchronized String migratedTemplate() {
        if (template == null) {
            String name = "mmdb_template_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            ConnectionSettings settings = server().withDatabase(name);
            DatabaseProvisioner.createIfMissing(settings);
            SchemaMigrator.migrate(settings.unpooledDataSource());
            template = name;
        }
        return template;
    }

    private static synchronized void shutdown() {
        if (template != null) {
            DatabaseProvisioner.dropIfExists(server.settings(), template);
        }
        server.close();
    }

    /** A small pool on {@code settings}. */
    public static HikariDataSource pool(ConnectionSettings settings, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    public DSLContext dsl() {
        return dsl;
    }

    @Override
    public void close() {
        dataSource.close();
        DatabaseProvisioner.dropIfExists(settings, settings.database());
    }
}
