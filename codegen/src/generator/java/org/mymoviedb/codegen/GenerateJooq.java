package org.mymoviedb.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;
import org.mymoviedb.db.ConnectionSettings;
import org.mymoviedb.db.DatabaseProvisioner;
import org.mymoviedb.db.DatabaseServer;
import org.mymoviedb.db.EmbeddedPostgres;
import org.mymoviedb.db.SchemaMigrator;

/**
 * Build step: migrates a scratch database with db/migration and generates the jOOQ classes from what it holds.
 * Run by the codegen module's build as a Java source file: args are the output directory, the migrations
 * directory, the jOOQ version and this file (the last three tell whether anything changed since the last run).
 */
public final class GenerateJooq {

    private static final String PACKAGE = "org.mymoviedb.jooq";

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args[0]);
        Path migrations = Path.of(args[1]);
        String stamp = fingerprint(migrations, args[2], Path.of(args[3]));
        Path stampFile = output.resolve(".mymoviedb-schema-fingerprint");
        if (Files.exists(stampFile) && Files.readString(stampFile).equals(stamp)) {
            System.out.println("[codegen] db/migration unchanged since the last generation: nothing to do");
            return;
        }
        String scratch = "mymoviedb_codegen_" + UUID.randomUUID().toString().replace("-", "");
        try (DatabaseServer server = DatabaseServer.fromEnvironment(System.getenv(),
                EmbeddedPostgres.defaultDataDirectory(System.getenv()), scratch)) {
            ConnectionSettings settings = server.settings().withDatabase(scratch);
            System.out.println("[codegen] scratch database " + scratch + " on " + server.describe());
            DatabaseProvisioner.createIfMissing(settings);
            try {
                SchemaMigrator.Outcome outcome = SchemaMigrator.migrate(settings.unpooledDataSource());
                System.out.println("[codegen] applied " + outcome.applied() + " migrations, schema version "
                        + outcome.schemaVersion());
                GenerationTool.generate(configuration(settings, output));
            } finally {
                DatabaseProvisioner.dropIfExists(settings, scratch);
            }
        }
        Files.writeString(stampFile, stamp);
    }

    private static Configuration configuration(ConnectionSettings settings, Path output) {
        return new Configuration()
                .withJdbc(new Jdbc()
                        .withDriver("org.postgresql.Driver")
                        .withUrl(settings.jdbcUrl())
                        .withUser(settings.user())
                        .withPassword(settings.password()))
                .withGenerator(new Generator()
                        .withName("org.jooq.codegen.JavaGenerator")
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.postgres.PostgresDatabase")
                                .withInputSchema("public")
                                .withOutputSchemaToDefault(true)
                                .withIncludes(".*")
                                .withExcludes("flyway_schema_history")
                                // pg_trgm's functions are not part of our model.
                                .withIncludeRoutines(false))
                        .withGenerate(new Generate()
                                .withRecords(true)
                                .withPojos(false)
                                .withDaos(false)
                                .withJavaTimeTypes(true)
                                .withGeneratedAnnotation(false)
                                .withComments(true)
                                .withFluentSetters(true))
                        .withTarget(new Target()
                                .withPackageName(PACKAGE)
                                .withDirectory(output.toString())
                                .withClean(true)));
    }

    private static String fingerprint(Path migrations, String jooqVersion, Path generatorSource) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(jooqVersion.getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(generatorSource));
            List<Path> files;
            try (var list = Files.list(migrations)) {
                files = list.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
            }
            for (Path file : files) {
                digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
