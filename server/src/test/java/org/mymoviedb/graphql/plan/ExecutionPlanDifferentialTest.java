package org.mymoviedb.graphql.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mymoviedb.http.Json;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.TestDatabase;
import org.mymoviedb.testing.TestServer;
import tools.jackson.databind.JsonNode;

/**
 * The proof that execution plans change nothing but speed: a corpus of queries, each sent over HTTP to two
 * servers on one seeded database, one with plans and one without (plain graphql-java), must get byte-identical
 * responses; the queries a plan supports must actually have run as plans, and the others must not have.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecutionPlanDifferentialTest {

    private static final String ALL_FIELDS = """
            id title releaseDate rating runtime { minutes iso8601 } createdAt updatedAt version
            genres { id name } directors { id name }""";

    private record Case(String query, Map<String, Object> variables, boolean planned) {
    }

    private TestDatabase shared;
    private TestServer planned;
    private TestServer plain;
    private long unicodeMovie;
    private long bareMovie;

    @BeforeAll
    void startTwoServersOnOneCatalogue() {
        shared = TestDatabase.create();
        Catalogue catalogue = new Catalogue(shared.dsl());
        catalogue.manyMovies(90);
        unicodeMovie = catalogue.movie("Le fabuleux destin d'Amélie \"Poulain\" \\ 千と千尋 🎬\u0001 tab\t",
                LocalDate.of(2001, 4, 25), 88, 122);
        catalogue.tag(unicodeMovie, catalogue.genre("Comédie romantique"));
        catalogue.credit(unicodeMovie, catalogue.person("Jean-Pierre Jeunet"), 0);
        catalogue.credit(unicodeMovie, catalogue.person("Ōshima Nagisa"), 1);
        bareMovie = catalogue.movie("Untitled, unrated, of unknown length", LocalDate.of(1899, 12, 31), null, null);
        // Names as a PostgreSQL array's text would quote them, genres whose order depends on case, and directors
        // billed in another order than their ids: what a plan reads in the movie's own row (NamesAlongside).
        long arrays = catalogue.movie("Aaa arrays", LocalDate.of(1977, 5, 25), 77, 121);
        catalogue.tag(arrays, catalogue.genre("zeta, {with} \"quotes\" \\ and NULL"));
        catalogue.tag(arrays, catalogue.genre("Alpha"));
        catalogue.tag(arrays, catalogue.genre("beta"));
        catalogue.credit(arrays, catalogue.person("NULL"), 2);
        catalogue.credit(arrays, catalogue.person("{}"), 0);
        catalogue.credit(arrays, catalogue.person("Third, \"billed\" first"), 1);
        planned = TestServer.startOn(shared, Map.of("RESULT_CACHE_ENABLED", "false"));
        plain = TestServer.startOn(shared, Map.of("RESULT_CACHE_ENABLED", "false", "EXECUTION_PLANS", "false"));
    }

    @AfterAll
    void stop() {
        plain.close();
        planned.close();
        shared.close();
    }

    @Test
    void everyQueryOfTheCorpusGetsTheSameBytesWithAndWithoutPlans() {
        List<String> checked = new ArrayList<>();
        for (Case c : corpus()) {
            long plansBefore = planned.app().api().plannedExecutions();
            long statementsBefore = planned.app().database().statements().total();
            HttpResponse<String> withPlans = planned.post(body(c));
            long statements = planned.app().database().statements().total() - statementsBefore;
            long plainStatementsBefore = plain.app().database().statements().total();
            HttpResponse<String> without = plain.post(body(c));
            long plainStatements = plain.app().database().statements().total() - plainStatementsBefore;

            assertThat(withPlans.body()).as("%s %s", c.query(), c.variables()).isEqualTo(without.body());
            assertThat(withPlans.statusCode()).as(c.query()).isEqualTo(without.statusCode());
            assertThat(planned.app().api().plannedExecutions() - plansBefore)
                    .as("ran as a plan: %s %s", c.query(), c.variables()).isEqualTo(c.planned() ? 1 : 0);
            if (c.planned()) {
                assertThat(statements).as("statements of %s", c.query()).isLessThanOrEqualTo(plainStatements);
            }
            checked.add(without.body());
        }
        assertThat(plain.app().api().plannedExecutions()).isZero();
        // The corpus covers what it claims: answers with data, errors, nulls, empty pages and non-ASCII text.
        String all = String.join("\n", checked);
        assertThat(all).contains("\"errors\"", "NOT_FOUND", "INVALID_CURSOR", "PAGE_SIZE_OUT_OF_RANGE",
                "\"rating\":null", "\"runtime\":null", "\"startCursor\":null", "千と千尋", "\\u0001", "\"genres\":[]",
                "\"bad\":null", "\"history\":null", "\"users\":null");
    }

    @Test
    void theInProcessAnswerOfAPlanIsTheSameTree() {
        String query = "{ movies(first: 5) { totalCount edges { cursor node { " + ALL_FIELDS + " } } } }";
        JsonNode withPlans = planned.execute(query, Map.of());
        JsonNode without = plain.execute(query, Map.of());
        assertThat(withPlans).isEqualTo(without);
        assertThat(withPlans.get("data").get("movies").get("edges").size()).isEqualTo(5);
    }

    private List<Case> corpus() {
        JsonNode first = plain.query("{ movies(first: 7) { pageInfo { endCursor } } }");
        String after = first.get("data").get("movies").get("pageInfo").get("endCursor").asString();
        JsonNode byRating = plain.query("{ movies(first: 3, orderBy: [{field: RATING, direction: DESC}]) "
                + "{ pageInfo { endCursor } } }");
        String ratingCursor = byRating.get("data").get("movies").get("pageInfo").get("endCursor").asString();
        List<Case> cases = new ArrayList<>();
        // The benchmark's requests.
        planned(cases, "query FirstMovies { movies(first: 10) { edges { node { id title releaseDate rating "
                + "runtime { minutes iso8601 } createdAt updatedAt version } } } }");
        planned(cases, "query MoviePage { movies(first: 50) { edges { node { id title releaseDate rating "
                + "runtime { minutes } genres { id name } directors { id name } } } pageInfo { hasNextPage "
                + "endCursor } } }");
        planned(cases, "{ movies { totalCount edges { cursor node { " + ALL_FIELDS + " } } pageInfo { hasNextPage "
                + "hasPreviousPage startCursor endCursor } } }");
        // The README's example, with variables.
        planned(cases, "query($f: MovieFilter) { movies(first: 3, filter: $f, orderBy: [{field: RATING, direction: "
                + "DESC}]) { totalCount edges { node { title releaseDate rating runtime { minutes iso8601 } "
                + "genres { name } directors { name } } } pageInfo { hasNextPage endCursor } } }",
                Map.of("f", Map.of("genres", List.of("Comedy", "Drama"), "releaseYear", Map.of("min", 1960,
                        "max", 1999))));
        // First pages without a filter (their SQL rendered once) in several sizes, orders and column sets, twice.
        for (int round = 0; round < 2; round++) {
            planned(cases, "{ movies(first: 3) { edges { node { title genres { id name } directors { id name } } } } }");
            planned(cases, "{ movies(first: 4) { edges { node { title genres { name } } } } }");
            planned(cases, "{ movies(first: 4) { edges { node { title directors { databaseId } } } } }");
            planned(cases, "{ movies(last: 2, orderBy: [{field: RATING, direction: DESC}]) { edges { node { title "
                    + "genres { name } } } } }");
        }
        // The same movies in two roots, with their names in one and not in the other.
        planned(cases, "{ a: movies(first: 2) { edges { node { title } } } b: movies(first: 3) { edges { node { "
                + "genres { name } directors { name } } } } }");
        // Aliases, several root fields, merging.
        planned(cases, "{ a: movies(first: 3) { edges { n: node { t: title id } } } b: movies(first: 2, orderBy: "
                + "[{field: RELEASE_DATE, direction: DESC}]) { count: totalCount } c: movie(id: \"" + bareMovie
                + "\") { title rating runtime { minutes } genres { name } } }");
        planned(cases, "{ movies(first: 2) { edges { node { title } } edges { cursor node { id title } } } }");
        planned(cases, "{ movies(first: 2) { edges { node { title t2: title genres { id } genres { name } } } } }");
        // __typename everywhere.
        planned(cases, "{ __typename movies(first: 2) { __typename edges { __typename cursor node { __typename "
                + "runtime { __typename minutes iso8601 } genres { __typename id name } directors { __typename "
                + "id name } } } pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor } } }");
        // Fragments: named, nested, inline with and without a type condition.
        planned(cases, "query Q { movies(first: 4) { ...Page } } fragment Page on MovieConnection { totalCount "
                + "edges { ...Edge } } fragment Edge on MovieEdge { cursor node { ...Film ... on Movie { version } "
                + "... { rating } } } fragment Film on Movie { id title directors { ...Name } } "
                + "fragment Name on Person { name }");
        planned(cases, "{ movies(first: 3) { ...A ...A edges { node { ...B } } } } fragment A on MovieConnection "
                + "{ totalCount } fragment B on Movie { title ...C } fragment C on Movie { id title }");
        // @skip and @include, literal and from variables, on fields, fragments and inline fragments.
        String conditional = "query($s: Boolean!, $i: Boolean!) { movies(first: 3) { totalCount @skip(if: $s) "
                + "edges @include(if: $i) { node { title rating @skip(if: $i) ...F @include(if: $s) "
                + "... on Movie @skip(if: $s) { version } } } } } fragment F on Movie { id }";
        for (boolean s : new boolean[] {false, true}) {
            for (boolean i : new boolean[] {false, true}) {
                planned(cases, conditional, Map.of("s", s, "i", i));
            }
        }
        planned(cases, "{ movies(first: 2) { totalCount @include(if: false) edges { node { id @skip(if: true) "
                + "title @skip(if: false) @include(if: true) rating @skip(if: true) @include(if: true) } } } }");
        planned(cases, "query($s: Boolean = true) { movies(first: 2) { edges { node { id title @skip(if: $s) } } } }");
        // Pages: after a cursor, backward, empty, zero, by every order, with variables.
        planned(cases, "query($a: String) { movies(first: 5, after: $a) { edges { cursor node { title } } "
                + "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }", Map.of("a", after));
        planned(cases, "{ movies(last: 4, before: \"" + after + "\") { edges { cursor node { title } } "
                + "pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }");
        planned(cases, "{ movies(last: 3) { edges { node { title } } pageInfo { hasPreviousPage startCursor } } }");
        planned(cases, "{ movies(first: 3, after: \"" + ratingCursor + "\", orderBy: [{field: RATING, direction: "
                + "DESC}]) { edges { node { title rating } } } }");
        planned(cases, "{ movies(filter: {titleContains: \"no such film anywhere\"}) { totalCount edges { node "
                + "{ title } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }");
        planned(cases, "{ movies(first: 0) { totalCount edges { node { id } } pageInfo { startCursor endCursor "
                + "hasNextPage } } }");
        for (String order : List.of("TITLE", "RELEASE_DATE", "RATING", "UPDATED_AT", "CREATED_AT", "RUNTIME")) {
            for (String direction : List.of("ASC", "DESC")) {
                planned(cases, "query($o: [MovieOrder!], $n: Int) { movies(first: $n, orderBy: $o) { edges { "
                        + "cursor node { id title releaseDate rating } } } }",
                        Map.of("o", List.of(Map.of("field", order, "direction", direction)), "n", 12));
            }
        }
        planned(cases, "{ movies(first: 8, orderBy: [{field: RATING}, {field: TITLE, direction: DESC}]) { edges { "
                + "cursor node { title rating } } } }");
        // Filters.
        planned(cases, "{ movies(first: 5, filter: {genres: [\"drama\"], director: \"KURO\"}) { totalCount edges { "
                + "node { title genres { name } directors { name } } } } }");
        planned(cases, "{ movies(first: 5, filter: {rating: {min: 40, max: 60}, releaseYear: {min: 1960}}) { "
                + "totalCount edges { node { title rating releaseDate } } } }");
        planned(cases, "{ movies(first: 5, filter: {titleContains: \"千と\"}) { edges { node { " + ALL_FIELDS
                + " } } } }");
        planned(cases, "query($f: MovieFilter) { movies(first: 6, filter: $f, orderBy: [{field: RUNTIME}]) { "
                + "totalCount edges { cursor node { title runtime { minutes } directors { name } } } } }",
                Map.of("f", Map.of("search", "ava", "releaseDate", Map.of("from", "1960-01-01", "to", "1999-12-31"),
                        "hasRating", true, "hasDirector", true, "hasRuntime", true)));
        planned(cases, "{ movies(filter: {hasRating: false, hasRuntime: false, hasDirector: false, updatedSince: "
                + "\"2000-01-01T00:00:00Z\"}, orderBy: [{field: UPDATED_AT, direction: DESC}]) { totalCount edges "
                + "{ node { title rating } } } }");
        planned(cases, "{ movies(filter: {ids: [\"" + bareMovie + "\", \"" + unicodeMovie + "\", \"987654321\"]}, "
                + "orderBy: [{field: CREATED_AT}]) { totalCount edges { node { title } } } }");
        planned(cases, "{ a: movies(first: 4, filter: {directorId: \"1\"}) { totalCount edges { node { title } } } "
                + "b: movies(filter: {ids: []}) { totalCount } }");
        // One movie: with unicode, with nothing known, by a variable; several operations in one document.
        planned(cases, "{ movie(id: \"" + unicodeMovie + "\") { " + ALL_FIELDS + " } }");
        planned(cases, "query($id: ID!) { movie(id: $id) { " + ALL_FIELDS + " __typename } }",
                Map.of("id", Long.toString(bareMovie)));
        cases.add(new Case("query A { movies(first: 1) { totalCount } } query B { m: movie(id: \"" + bareMovie
                + "\") { title } }", Map.of(), true));
        // Global ids: rendered as graphql-java renders them, taken as arguments, with databaseId beside them.
        planned(cases, "query($id: ID!) { movie(id: $id) { id databaseId genres { id databaseId } directors { "
                + "databaseId id } } }", Map.of("id", Ids.global(NodeType.MOVIE, unicodeMovie)));
        planned(cases, "{ movies(first: 3) { edges { node { databaseId id } } } }");
        fallback(cases, "query($id: ID!) { movie(id: $id) { title } }",
                Map.of("id", Ids.global(NodeType.GENRE, unicodeMovie)));
        fallback(cases, "query($id: ID!) { node(id: $id) { id ... on Movie { title databaseId } } }",
                Map.of("id", Ids.global(NodeType.MOVIE, unicodeMovie)));
        // graphql-java answers these: errors, unsupported fields, mixed root fields.
        fallback(cases, "{ movie(id: \"987654321\") { title } }");
        fallback(cases, "{ movie(id: \"not-an-id\") { title } }");
        fallback(cases, "{ movies(first: 500) { totalCount } }");
        fallback(cases, "{ movies(after: \"garbage\") { totalCount } }");
        fallback(cases, "{ movies(first: 1, last: 1) { totalCount } }");
        fallback(cases, "{ movies(first: 2, orderBy: [{field: TITLE}, {field: TITLE}]) { totalCount } }");
        fallback(cases, "{ movies(filter: {rating: {min: 90, max: 10}}) { totalCount } }");
        fallback(cases, "{ movies(filter: {releaseDate: {from: \"2000-01-02\", to: \"2000-01-01\"}}) { totalCount } }");
        fallback(cases, "{ movies(filter: {ids: [\"1\", \"x\"]}) { totalCount } }");
        fallback(cases, "query($ids: [ID!]) { movies(filter: {ids: $ids}) { totalCount } }",
                Map.of("ids", java.util.stream.LongStream.rangeClosed(1, 101).mapToObj(Long::toString).toList()));
        fallback(cases, "{ a: movies(first: 1) { totalCount } b: movie(id: \"987654321\") { title } }");
        fallback(cases, "{ movies(first: 2) { edges { node { title history { edges { cursor } } } } } }");
        fallback(cases, "{ movies(first: 1) { totalCount } genres { name } }");
        fallback(cases, "{ movies(first: 2) { edges { node { genres { name movies(first: 1) { totalCount } } } } } }");
        // Partial data: one refusal or one bad argument nulls only its own field, the rest of the answer stays.
        fallback(cases, "{ good: movies(first: 2) { edges { node { title } } } bad: movies(first: 500) { totalCount } }");
        fallback(cases, "{ movies(first: 3) { edges { node { title history { edges { cursor } } } } } "
                + "genres { name } users { username } }");
        fallback(cases, "query @experimental_disableErrorPropagation { movies(first: 2) { edges { node { title "
                + "history { edges { cursor } } } } } }");
        fallback(cases, "{ __schema { queryType { name } } }");
        fallback(cases, "{ me { username } }");
        fallback(cases, "query($n: Int) { movies(first: $n) { totalCount } }", Map.of("n", "ten"));
        fallback(cases, "{ movies(first: 1) { edges { node { nope } } } }");
        fallback(cases, "{ movies(first: 1) { edges { node { title }");
        return cases;
    }

    private static void planned(List<Case> cases, String query) {
        cases.add(new Case(query, Map.of(), true));
    }

    private static void planned(List<Case> cases, String query, Map<String, Object> variables) {
        cases.add(new Case(query, variables, true));
    }

    private static void fallback(List<Case> cases, String query) {
        cases.add(new Case(query, Map.of(), false));
    }

    private static void fallback(List<Case> cases, String query, Map<String, Object> variables) {
        cases.add(new Case(query, variables, false));
    }

    private static String body(Case c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", c.query());
        body.put("variables", c.variables());
        if (c.query().startsWith("query A")) {
            body.put("operationName", "A");
        }
        return Json.MAPPER.writeValueAsString(body);
    }
}
