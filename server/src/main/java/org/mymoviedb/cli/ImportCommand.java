package org.mymoviedb.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.mymoviedb.config.ServerConfig;
import org.mymoviedb.db.DatabaseProvisioner;
import org.mymoviedb.db.DatabaseServer;
import org.mymoviedb.db.SchemaMigrator;
import org.mymoviedb.importer.ImportReport;
import org.mymoviedb.importer.MovieImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code import FILE}: loads a Django loaddata fixture or the vega movies JSON, naming every row it rejects. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import movies from a Django loaddata fixture or the vega-datasets movies JSON.")
public final class ImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The JSON file to import.")
    Path file;

    private final Map<String, String> env;
    private final PrintStream out;

    public ImportCommand(Map<String, String> env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    @Override
    public Integer call() {
        ServerConfig config = ServerConfig.fromEnvironment(env);
        try (DatabaseServer server = DatabaseOptions.resolve(config, env)) {
            DatabaseProvisioner.createIfMissing(server.settings());
            var dataSource = server.settings().unpooledDataSource();
            SchemaMigrator.migrate(dataSource);
            ImportReport report = new MovieImporter(DSL.using(dataSource, SQLDialect.POSTGRES)).importFile(file);
            report.lines().forEach(out::println);
        }
        return 0;
    }
}
