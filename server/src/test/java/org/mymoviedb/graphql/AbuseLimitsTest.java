package org.mymoviedb.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.IntrospectionQuery;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mymoviedb.http.Json;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.FreshServer;
import org.mymoviedb.testing.TestServer;
import tools.jackson.databind.JsonNode;

/** Each limit refuses with its own code, before the database is touched; real-world queries stay well inside. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbuseLimitsTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass();

    @BeforeAll
    void seedTheCatalogue() {
        new Catalogue(server.database().dsl()).manyMovies(30);
    }

    @Test
    void aDepth50QueryIsRefused() {
        String fiftyDeep = "{ " + "a: movies { edges { node { genres { ".repeat(13) + "name" + " } } } }".repeat(13) + " }";
        assertRefusedBeforeTheDatabase(fiftyDeep, "MAX_DEPTH_EXCEEDED");
    }

    @ParameterizedTest
    @ValueSource(ints = {101, 500, 5_000})
    void aQueryNestedPastTheParsersOwnLimitsStillAnswersMaxDepth(int levels) {
        assertRefusedBeforeTheDatabase(nestedLevels(levels), "MAX_DEPTH_EXCEEDED");
    }

    @ParameterizedTest
    @ValueSource(ints = {101, 500})
    void fragmentsNestedPastTheValidatorsOwnLimitsStillAnswerMaxDepth(int levels) {
        StringBuilder document = new StringBuilder("{ movies { edges { node { ...L0 } } } }");
        for (int i = 0; i < levels; i++) {
            document.append(" fragment L").append(i).append(" on Movie { genres { movies { edges { node { ")
                    .append(i + 1 < levels ? "...L" + (i + 1) : "title").append(" } } } } }");
        }
        assertRefusedBeforeTheDatabase(document.toString(), "MAX_DEPTH_EXCEEDED");
    }

    @Test
    void fragmentsSpreadManyTimesAreRefusedBeforeValidationNotAsAValidationFailure() {
        // Each fragment spreads the one before four times: 4^12 titles in one selection set from a few hundred bytes.
        StringBuilder document = new StringBuilder("{ movies { edges { node { ...F12 } } } } fragment F0 on Movie { title }");
        for (int i = 1; i <= 12; i++) {
            document.append(" fragment F").append(i).append(" on Movie { ")
                    .append(("...F" + (i - 1) + " ").repeat(4)).append("}");
        }
        long validations = server.app().api().documents().validations();
        assertRefusedBeforeTheDatabase(document.toString(), "MAX_SELECTION_FIELDS_EXCEEDED");
        assertThat(server.app().api().documents().validations()).isEqualTo(validations);
    }

    @ParameterizedTest
    @ValueSource(ints = {31, 200})
    void aliasesAnswerTheirOwnCode(int count) {
        String aliases = "{ movies { edges { node { " + IntStream.range(0, count).mapToObj(i -> "t" + i + ": title")
                .collect(Collectors.joining(" ")) + " } } } }";
        assertRefusedBeforeTheDatabase(aliases, "MAX_ALIASES_EXCEEDED");
    }

    @ParameterizedTest
    @ValueSource(ints = {21, 200})
    void rootFieldsAnswerTheirOwnCode(int count) {
        assertRefusedBeforeTheDatabase("{ " + aliasedTypenames(count) + " }", "MAX_ROOT_FIELDS_EXCEEDED");
    }

    @ParameterizedTest
    @ValueSource(ints = {201, 4_000, 14_000})
    void aSelectionSetTooWideToValidateCheaplyIsRefusedBeforeValidation(int count) {
        // The campaign's document: 82 KB of one field repeated 14,000 times took 300 ms of CPU to validate.
        String wide = "{ movies { edges { node { " + "title ".repeat(count) + "} } } }";
        long validations = server.app().api().documents().validations();
        assertRefusedBeforeTheDatabase(wide, "MAX_SELECTION_FIELDS_EXCEEDED");
        assertThat(server.app().api().documents().validations()).isEqualTo(validations);
    }

    @Test
    void fragmentsCountTowardsTheWidthOfTheSelectionSetTheySpreadInto() {
        String fragments = "{ movies { edges { node { ...A ...B } } } } fragment A on Movie { " + "title ".repeat(150)
                + "} fragment B on Movie { ... on Movie { " + "rating ".repeat(51) + "} }";
        assertRefusedBeforeTheDatabase(fragments, "MAX_SELECTION_FIELDS_EXCEEDED");
        String narrowEnough = "{ movies { edges { node { ...A } } } } fragment A on Movie { " + "title ".repeat(200)
                + "}";
        assertThat(server.query(narrowEnough).get("errors")).isNull();
    }

    @Test
    void rootFieldsSpreadFromAFragmentCountAsRootFields() {
        // Issue 15: `{...F} fragment F on Query {...}` ran 21 root fields past a limit of 20.
        assertRefusedBeforeTheDatabase("{ ...F } fragment F on Query { " + aliasedTypenames(21) + " }",
                "MAX_ROOT_FIELDS_EXCEEDED");
        assertRefusedBeforeTheDatabase("{ ... on Query { " + aliasedTypenames(21) + " } }", "MAX_ROOT_FIELDS_EXCEEDED");
        JsonNode twenty = server.query("{ ...F } fragment F on Query { " + aliasedTypenames(20) + " }");
        assertThat(twenty.get("errors")).isNull();
        assertThat(twenty.get("data").size()).isEqualTo(20);
    }

    @Test
    void eachAliasCountsOnceAndAliasesInFragmentsCountWhereTheyRun() {
        // Issue 15: 16 aliases were reported as 32, so a document of 16 was refused.
        String sixteen = "{ movies(first: 1) { edges { node { " + IntStream.range(0, 16).mapToObj(i -> "t" + i
                + ": title").collect(Collectors.joining(" ")) + " } } } }";
        assertThat(server.query(sixteen).get("errors")).isNull();
        String thirtyOne = "{ movies { edges { node { ...T } } } } fragment T on Movie { "
                + IntStream.range(0, 31).mapToObj(i -> "t" + i + ": title").collect(Collectors.joining(" ")) + " }";
        JsonNode refused = server.query(thirtyOne);
        assertThat(refused.get("errors").get(0).get("extensions").get("code").asString())
                .isEqualTo("MAX_ALIASES_EXCEEDED");
        assertThat(refused.get("errors").get(0).get("message").asString()).contains("31 aliases");
    }

    /** {@code count} top-level fields that execute apart: the same field merges into one unless aliased. */
    private static String aliasedTypenames(int count) {
        return IntStream.range(0, count).mapToObj(i -> "r" + i + ": __typename").collect(Collectors.joining(" "));
    }

    /** {@code levels} fields each inside the one before: a movie's genres' movies' edges' nodes' genres... */
    private static String nestedLevels(int levels) {
        String[] cycle = {"genres", "movies", "edges", "node"};
        StringBuilder open = new StringBuilder("{ movies { edges { node { ");
        int depth = 3;
        int i = 0;
        while (depth < levels) {
            open.append(cycle[i++ % cycle.length]).append(" { ");
            depth++;
        }
        // The innermost selection must be a leaf of whatever type the cycle stopped at.
        String leaf = switch (i % cycle.length) {
            case 1 -> "name";
            case 2 -> "totalCount";
            case 3 -> "cursor";
            default -> "title";
        };
        return open + leaf + " }".repeat(depth) + " }";
    }

    @Test
    void listArgumentsMultiplyTheCost() {
        String expensive = "{ movies(first: 100) { edges { node { directors { directed(first: 100) { edges { node { "
                + "genres { movies(first: 100) { totalCount } } } } } } } } } }";
        assertRefusedBeforeTheDatabase(expensive, "MAX_COMPLEXITY_EXCEEDED");
    }

    @Test
    void tooManyAliasesAndRootFieldsAreRefused() {
        String aliases = "{ movies { edges { node { " + IntStream.range(0, 31).mapToObj(i -> "t" + i + ": title")
                .collect(Collectors.joining(" ")) + " } } } }";
        assertRefusedBeforeTheDatabase(aliases, "MAX_ALIASES_EXCEEDED");
        assertRefusedBeforeTheDatabase("{ " + aliasedTypenames(21) + " }", "MAX_ROOT_FIELDS_EXCEEDED");
    }

    @Test
    void aMegabyteAliasBombStopsTheParser() {
        StringBuilder bomb = new StringBuilder("{ ");
        int i = 0;
        while (bomb.length() < 1_000_000) {
            bomb.append("m").append(i++).append(": movies { totalCount } ");
        }
        bomb.append("}");
        assertRefusedBeforeTheDatabase(bomb.toString(), "MAX_TOKENS_EXCEEDED");
    }

    @Test
    void aRepeatedQueryIsCheckedOnceAndARefusalIsRemembered() {
        String page = "query Page { movies(first: 7) { edges { node { title genres { name } } } } }";
        long before = server.app().api().limitAnalyses();
        for (int i = 0; i < 5; i++) {
            assertThat(server.query(page).get("errors")).isNull();
        }
        assertThat(server.app().api().limitAnalyses() - before).isEqualTo(1);

        // Depth is the validator's (remembered with the document); aliases are checked here.
        String tooManyAliases = "{ movies { edges { node { " + IntStream.range(0, 31).mapToObj(i -> "t" + i + ": title")
                .collect(Collectors.joining(" ")) + " } } } }";
        before = server.app().api().limitAnalyses();
        assertRefusedBeforeTheDatabase(tooManyAliases, "MAX_ALIASES_EXCEEDED");
        assertRefusedBeforeTheDatabase(tooManyAliases, "MAX_ALIASES_EXCEEDED");
        assertThat(server.app().api().limitAnalyses() - before).isEqualTo(1);
    }

    @Test
    void theCostIsCheckedForEachSetOfVariables() {
        String nested = "query Nested($n: Int) { movies(first: $n) { edges { node { directors { directed(first: $n) "
                + "{ edges { node { genres { movies(first: $n) { totalCount } } } } } } } } } }";
        assertThat(server.query(nested, Map.of("n", 3)).get("errors")).isNull();
        JsonNode refused = server.query(nested, Map.of("n", 100));
        assertThat(refused.get("errors").get(0).get("extensions").get("code").asString())
                .isEqualTo("MAX_COMPLEXITY_EXCEEDED");
        assertThat(server.query(nested, Map.of("n", 3)).get("errors")).isNull();
        assertThat(server.query(nested, Map.of("n", 100)).get("errors").get(0).get("extensions").get("code")
                .asString()).isEqualTo("MAX_COMPLEXITY_EXCEEDED");
    }

    @Test
    void theAdminsAndDocumentedQueriesAndIntrospectionFitComfortably() {
        String[] everyday = {
            IntrospectionQuery.INTROSPECTION_QUERY,
            "{ movies(first: 100, orderBy: [{field: RATING, direction: DESC}]) { totalCount edges { cursor node { id "
                    + "title releaseDate rating runtime { minutes iso8601 } genres { id name } directors { id name } "
                    + "createdAt updatedAt version } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }",
            "{ genres { id name movies(first: 5) { totalCount edges { node { title } } } } }",
            "{ people(first: 50) { edges { node { name directed(first: 10) { edges { node { title genres { name } } } } } } } }",
        };
        for (String query : everyday) {
            JsonNode response = server.query(query);
            assertThat(response.get("errors")).as("errors for %s: %s", query, response).isNull();
        }
    }

    @Test
    void introspectionCanBeSwitchedOff() {
        try (TestServer production = TestServer.start(Map.of("INTROSPECTION_ENABLED", "false"))) {
            JsonNode response = production.query("{ __schema { types { name } } }");
            assertThat(response.get("errors").get(0).get("extensions").get("code").asString())
                    .isEqualTo("INTROSPECTION_DISABLED");
            assertThat(production.query("{ genres { name } }").get("errors")).isNull();
        }
    }

    @Test
    void aStatementPastTheTimeoutIsCancelledWithItsCode() {
        try (TestServer impatient = TestServer.start(Map.of("DB_STATEMENT_TIMEOUT_MS", "20"))) {
            impatient.database().dsl().execute("""
                    insert into movie (title, release_date) select 'Film ' || n, date '1900-01-01' + n
                    from generate_series(1, 200000) as n""");
            JsonNode response = impatient.query("{ movies(filter: {titleContains: \"9\"}) { totalCount } }");
            assertThat(response.get("errors").get(0).get("extensions").get("code").asString())
                    .isEqualTo("STATEMENT_TIMEOUT");
            assertThat(response.get("errors").get(0).get("message").asString()).doesNotContain("SQL");
        }
    }

    private void assertRefusedBeforeTheDatabase(String query, String code) {
        long before = server.app().database().statements().total();
        HttpResponse<String> response = server.post(Json.MAPPER.writeValueAsString(Map.of("query", query)));
        assertThat(response.statusCode()).as(response.body()).isIn(200, 413);
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(body.get("errors").get(0).get("extensions").get("code").asString()).as(response.body()).isEqualTo(code);
        assertThat(server.app().database().statements().total()).isEqualTo(before);
    }
}
