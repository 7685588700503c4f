package org.mymoviedb.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.auth.Role;
import org.mymoviedb.http.Json;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeded GraphQL fuzzing against a real server: thousands of documents and variables mutated from valid requests
 * (cut, spliced, stuffed with hostile tokens, their values swapped for hostile ones), each answered with JSON in
 * which every error has a code, never INTERNAL_SERVER_ERROR, and never a 5xx except the documented 503s.
 * {@code -Dmymoviedb.fuzz.seed=N -Dmymoviedb.fuzz.cases=N} replay or widen it ({@code bench/fuzz} runs the long one).
 */
class InputFuzzTest {

    private static final long SEED = Long.getLong("mymoviedb.fuzz.seed", 15L);
    private static final int CASES = Integer.getInteger("mymoviedb.fuzz.cases", 3_000);
    private static final Set<String> DOCUMENTED_503 = Set.of("DATABASE_UNAVAILABLE", "SERVER_BUSY");
    private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass().withAccount("agnes", Role.EDITOR);

    /** Valid requests to start from: reads, writes, paging, filters, sign-in, introspection. */
    private static final List<String> DOCUMENTS = List.of(
            "query($f: MovieFilter, $n: Int, $a: String) { movies(first: $n, after: $a, filter: $f, orderBy: "
                    + "[{field: RATING, direction: DESC}]) { totalCount edges { cursor node { id title releaseDate "
                    + "rating runtime { minutes iso8601 } genres { name } directors { name } } } pageInfo { "
                    + "hasNextPage endCursor } } }",
            "query($id: ID!) { movie(id: $id) { id title history { action } } genre(id: $id) { name } }",
            "query($s: String, $a: String) { people(search: $s, first: 3, after: $a) { edges { node { id name } } } }",
            "mutation($i: MovieInput!) { createMovie(input: $i) { movie { id title } userErrors { field code } } }",
            "mutation($id: ID!, $v: Int!, $i: MovieUpdateInput!) { updateMovie(id: $id, expectedVersion: $v, input: $i)"
                    + " { movie { id } userErrors { code } } }",
            "mutation($n: String!) { createGenre(name: $n) { genre { id } userErrors { code } } }",
            "mutation($n: String!) { createPerson(name: $n) { person { id } userErrors { code } } }",
            "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token userErrors { code } } }",
            "{ movies(last: 2, before: \"WyJSRy0iLDg5LDgxNV0\") { edges { node { title } } } genres { name } }",
            "query { __schema { types { name fields { name type { name } } } } }",
            "fragment F on Movie { title } query Q { movies(first: 2) { edges { node { ...F } } } }",
            "query($c: String) { movies(first: 2, after: $c, orderBy: [{field: RELEASE_DATE, direction: ASC}]) "
                    + "{ edges { node { id } } } }",
            "query { __schema { types { fields { type { fields { type { fields { type { name } } } } } } } } }");

    /** Cursors of the RELEASE_DATE ASC ordering ("RE+") with positions we never hand out. */
    private static final String FAR_FUTURE = cursor("[\"RE+\",\"+999999-01-01\",1]");
    private static final String NUL_DATE = cursor("[\"RE+\",\"19\\u000062-04-11\",1]");

    private static final List<String> TOKENS = List.of("{", "}", "(", ")", "[", "]", ":", "$", "!", "...", "@auth",
            "\"", "\"\"\"", "\\u0000", "\\ud800", "\\u{0}", "\u0000", "#", ",", "=", "__typename", "__schema",
            "fragment X on Query { ...X }", "movies", "first: -1", "first: 99999999999", "after: \"!!\"",
            "id: \"0\"", "id: \"-1\"", "id: \"9223372036854775808\"", "releaseDate: \"2024-02-30\"",
            "titleContains: \"a\\u0000b\"", "\ud83c\udfac", "\ud800", "null", "true", "1e999", "query", "mutation",
            "subscription", "on", "directive", "x".repeat(600));

    private static final List<Object> VALUES = List.of("", "a\u0000b", "a\ud800b", "\udc00", "x".repeat(600),
            "2024-02-30", "+999999-01-01", "WyJSRy0iLDg5LDgxNV0", "!!", "-1", "0", "9223372036854775808",
            -1, 0, 101, Integer.MAX_VALUE, Long.MAX_VALUE, 1.5, 1e300, true, false, List.of(), List.of("a\u0000b"),
            Map.of(), Map.of("title", "a\u0000b", "releaseDate", "1962-04-11"), Map.of("titleContains", "\ud800"),
            Map.of("releaseYear", Map.of("min", 2000, "max", 1990)), Map.of("__proto__", 1), FAR_FUTURE, NUL_DATE);

    @Test
    void everyMutatedRequestGetsACodedJsonAnswerAndNoServerError() {
        Random random = new Random(SEED);
        String token = server.token("agnes");
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (int i = 0; i < CASES && failures.size() < 5; i++, sent++) {
            String document = mutate(DOCUMENTS.get(random.nextInt(DOCUMENTS.size())), random);
            Map<String, Object> variables = variables(random);
            String body = ESCAPING.writeValueAsString(Map.of("query", document, "variables", variables));
            HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/graphql"))
                    .header("Content-Type", "application/json")
                    .header("Accept", random.nextBoolean() ? "application/json" : "application/graphql-response+json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (random.nextBoolean()) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = server.send(request.build());
            String problem = problem(response, seen);
            if (problem != null) {
                failures.add("case " + i + ": " + problem + "\n  request: " + body + "\n  answer: " + response.body());
            }
        }
        System.out.printf("InputFuzzTest: seed %d, %d of %d cases sent, %d failures (stops at 5), codes seen %s%n",
                SEED, sent, CASES, failures.size(), seen);
        assertThat(failures).as("answers that break the contract; codes seen %s", seen).isEmpty();
        assertThat(seen.values().stream().mapToInt(Integer::intValue).sum()).as("errors seen").isGreaterThan(CASES / 2);
    }

    /** What is wrong with an answer, or null; counts its codes in {@code seen}. */
    private static String problem(HttpResponse<String> response, Map<String, Integer> seen) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(response.body());
        } catch (RuntimeException e) {
            return "not JSON (HTTP " + response.statusCode() + ")";
        }
        if (!body.isObject()) {
            return "not a JSON object";
        }
        List<String> codes = new ArrayList<>();
        for (JsonNode error : body.path("errors")) {
            String code = error.path("extensions").path("code").asString(null);
            if (code == null) {
                return "an error without a code";
            }
            codes.add(code);
            seen.merge(code, 1, Integer::sum);
        }
        if (codes.contains("INTERNAL_SERVER_ERROR")) {
            return "INTERNAL_SERVER_ERROR";
        }
        if (codes.isEmpty() && !body.has("data")) {
            return "neither data nor errors";
        }
        int status = response.statusCode();
        if (status >= 500 && !(status == 503 && codes.stream().allMatch(DOCUMENTED_503::contains))) {
            return "HTTP " + status;
        }
        return null;
    }

    private static String cursor(String json) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A document cut, spliced, stuffed with a hostile token or left as it is. */
    private static String mutate(String document, Random random) {
        StringBuilder text = new StringBuilder(document);
        int edits = random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(4)) {
                case 0 -> text.insert(at, TOKENS.get(random.nextInt(TOKENS.size())));
                case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(12)));
                case 2 -> {
                    int from = random.nextInt(text.length());
                    text.insert(at, text.substring(from, Math.min(text.length(), from + 1 + random.nextInt(40))));
                }
                default -> text.insert(at, ' ');
            }
        }
        return text.toString();
    }

    /** The variables the corpus uses, each well-formed or hostile. */
    private static Map<String, Object> variables(Random random) {
        Map<String, Object> variables = new LinkedHashMap<>();
        // In a fixed order, so that the seed alone decides every case.
        Object[] valid = {"f", Map.of("titleContains", "the"), "n", 3, "a", "WyJSRy0iLDg5LDgxNV0", "id", "1",
                "s", "var", "i", Map.of("title", "Cléo from 5 to 7", "releaseDate", "1962-04-11"), "v", 1,
                "n2", "Drama", "u", "agnes", "p", "not the password", "c", FAR_FUTURE};
        for (int k = 0; k < valid.length; k += 2) {
            Map.Entry<String, Object> entry = Map.entry((String) valid[k], valid[k + 1]);
            int roll = random.nextInt(4);
            if (roll == 0) {
                variables.put(entry.getKey(), VALUES.get(random.nextInt(VALUES.size())));
            } else if (roll < 3) {
                variables.put(entry.getKey(), entry.getValue());
            }
        }
        return variables;
    }
}
