package org.mymoviedb.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.mymoviedb.movie.MovieRepository;

/** The sample catalogue bundled with the server, loaded into an empty database so there is something to see. */
public final class SampleData {

    /** Classpath resources, imported in this order: the fixture first, so its values win where both have one. */
    public static final List<String> RESOURCES =
            List.of("/sample-data/seed-fixture.json", "/sample-data/vega-movies.json");

    /** Who history says wrote the sample catalogue. */
    public static final String ACTOR = "import:sample-data";

    private SampleData() {}

    /** {@link #loadIfEmpty(DSLContext, Consumer, Clock)} on the system clock. */
    public static List<ImportReport> loadIfEmpty(DSLContext dsl, Consumer<String> log) {
        return loadIfEmpty(dsl, log, Clock.systemDefaultZone());
    }

    /**
     * Imports the bundled files when the movie table has no rows, logging each file's summary line; returns their
     * reports, or none when there were movies already.
     */
    public static List<ImportReport> loadIfEmpty(DSLContext dsl, Consumer<String> log, Clock clock) {
        if (new MovieRepository(dsl).any()) {
            return List.of();
        }
        MovieFileReader reader = new MovieFileReader(clock);
        MovieImporter importer = new MovieImporter(dsl);
        List<ImportReport> reports = new ArrayList<>();
        for (String resource : RESOURCES) {
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            ImportReport report = importer.importRows(name, ACTOR, read(reader, resource, name));
            log.accept("sample data " + report.summary());
            reports.add(report);
        }
        return reports;
    }

    private static List<RowOutcome> read(MovieFileReader reader, String resource, String name) {
        try (InputStream in = SampleData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("sample data " + resource + " is missing from the classpath");
            }
            return reader.read(name, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample data " + resource, e);
        }
    }
}
