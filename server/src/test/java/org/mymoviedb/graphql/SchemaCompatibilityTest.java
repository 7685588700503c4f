package org.mymoviedb.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The build check on the contract: schema.graphqls may not break clients (a removed field, a narrowed type...)
 * compared with its last committed version, unless each break is acknowledged, one per line, in
 * schema-breaking-changes.txt. The comparison is graphql-java's SchemaDiff.
 */
class SchemaCompatibilityTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path CONTRACT = REPO.resolve("schema.graphqls");
    private static final Path ACKNOWLEDGED = REPO.resolve("schema-breaking-changes.txt");

    @Test
    void theContractDoesNotBreakClientsUnacknowledged() throws Exception {
        Optional<String> previous = previousVersion();
        Assumptions.assumeTrue(previous.isPresent(), "no earlier committed schema.graphqls to compare with");
        Set<String> breaks = breaks(previous.get(), Files.readString(CONTRACT));
        Set<String> acknowledged = acknowledged();
        breaks.removeAll(acknowledged);
        assertThat(breaks).as("breaking changes to schema.graphqls; if they are intended, add these lines to "
                + "schema-breaking-changes.txt").isEmpty();
    }

    @Test
    void aRemovedFieldOrANarrowedTypeIsCaught() {
        String before = "type Query { movie(id: ID!): Movie }\ntype Movie { title: String rating: Int }";
        String removed = "type Query { movie(id: ID!): Movie }\ntype Movie { title: String }";
        String narrowedArgument = "type Query { movie(id: ID!, year: Int!): Movie }\ntype Movie { title: String rating: Int }";
        String added = "type Query { movie(id: ID!): Movie movies: [Movie] }\ntype Movie { title: String rating: Int }";
        assertThat(breaks(before, removed)).containsExactly("MISSING Movie.rating");
        assertThat(breaks(before, narrowedArgument)).isNotEmpty();
        assertThat(breaks(before, added)).isEmpty();
    }

    /** Each breaking change as one line: "CATEGORY Type.field". */
    static Set<String> breaks(String oldSdl, String newSdl) {
        CapturingReporter reporter = new CapturingReporter();
        new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromSdl(oldSdl, newSdl), reporter);
        Set<String> lines = new TreeSet<>();
        for (DiffEvent event : reporter.getBreakages()) {
            lines.add(event.getCategory() + " " + event.getTypeName()
                    + (event.getFieldName() == null ? "" : "." + event.getFieldName()));
        }
        return lines;
    }

    /**
     * The version to compare with: HEAD's when schema.graphqls has uncommitted changes, else the one before the
     * last commit that changed it on this branch's own line (first parents: a merged branch's intermediate versions
     * never shipped).
     */
    private static Optional<String> previousVersion() throws Exception {
        Optional<String> status = git("status", "--porcelain", "--", "schema.graphqls");
        if (status.isEmpty()) {
            return Optional.empty(); // not a git checkout
        }
        if (!status.get().isBlank()) {
            return git("show", "HEAD:schema.graphqls");
        }
        List<String> commits = git("log", "--first-parent", "-n", "2", "--format=%H", "--", "schema.graphqls")
                .map(s -> s.lines().toList()).orElse(List.of());
        return commits.size() < 2 ? Optional.empty() : git("show", commits.get(1) + ":schema.graphqls");
    }

    private static Set<String> acknowledged() throws IOException {
        Set<String> lines = new TreeSet<>();
        if (Files.exists(ACKNOWLEDGED)) {
            Files.readAllLines(ACKNOWLEDGED).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(lines::add);
        }
        return lines;
    }

    private static Optional<String> git(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", REPO.toString()));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException noGit) {
            return Optional.empty();
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
    }
}
