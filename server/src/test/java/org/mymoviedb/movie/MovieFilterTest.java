package org.mymoviedb.movie;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/** Each MovieFilter field, alone and combined, against a small catalogue whose answers are known. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MovieFilterTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass();

    private static final String QUERY = """
            query Filtered($filter: MovieFilter, $orderBy: [MovieOrder!]) {
              movies(first: 100, filter: $filter, orderBy: $orderBy) { totalCount edges { node { title } } }
            }""";

    @BeforeAll
    void seedTheCatalogue() {
        Catalogue c = new Catalogue(server.database().dsl());
        long drama = c.genre("Drama");
        long crime = c.genre("Crime");
        long scifi = c.genre("Sci-fi");
        long lumet = c.person("Sidney Lumet");
        long coppola = c.person("Francis Ford Coppola");
        long wachowski = c.person("Lana Wachowski");
        long angry = c.movie("12 Angry Men", LocalDate.of(1957, 4, 10), 90, 96);
        c.tag(angry, drama);
        c.credit(angry, lumet, 0);
        long godfather = c.movie("The Godfather", LocalDate.of(1972, 3, 24), 92, 175);
        c.tag(godfather, crime);
        c.tag(godfather, drama);
        c.credit(godfather, coppola, 0);
        long part2 = c.movie("The Godfather: Part II", LocalDate.of(1974, 12, 20), 90, 202);
        c.tag(part2, crime);
        c.credit(part2, coppola, 0);
        long matrix = c.movie("The Matrix", LocalDate.of(1999, 3, 31), 87, 136);
        c.tag(matrix, scifi);
        c.credit(matrix, wachowski, 0);
        unrated = c.movie("100%_Unrated", LocalDate.of(1999, 1, 1), null, null);
        long ragingBull = c.movie("Raging Bull", LocalDate.of(1980, 11, 14), null, 129);
        c.credit(ragingBull, c.person("Martin Scorsese"), 0);
        angryMen = angry;
        theMatrix = matrix;
        francisFordCoppola = coppola;
        server.database().dsl().execute("update movie set updated_at = timestamptz '2030-01-01 00:00:00+00' where id = ?",
                matrix);
        server.database().dsl().execute("update movie set updated_at = timestamptz '2030-06-01 00:00:00+00' where id = ?",
                godfather);
    }

    private long angryMen;
    private long theMatrix;
    private long unrated;
    private long francisFordCoppola;

    @Test
    void searchMatchesTheTitleOrAnyDirectorsName() {
        assertThat(titles(Map.of("search", "coppola"))).containsExactly("The Godfather", "The Godfather: Part II");
        assertThat(titles(Map.of("search", "MATRIX"))).containsExactly("The Matrix");
        // "an": in "Angry", in "Francis", in "Lana"; neither the title nor the director of the others has it.
        assertThat(titles(Map.of("search", "an")))
                .containsExactly("12 Angry Men", "The Godfather", "The Godfather: Part II", "The Matrix");
        assertThat(titles(Map.of("search", "%_"))).containsExactly("100%_Unrated");
    }

    @Test
    void updatedSinceIsInclusiveToTheMicrosecond() {
        assertThat(titles(Map.of("updatedSince", "2030-01-01T00:00:00Z"))).containsExactly("The Godfather", "The Matrix");
        assertThat(titles(Map.of("updatedSince", "2030-01-01T01:00:00.000001+01:00"))).containsExactly("The Godfather");
        assertThat(titles(Map.of("updatedSince", "2031-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void releaseDateRangeIsInclusiveWithEitherEndOpen() {
        assertThat(titles(Map.of("releaseDate", Map.of("from", "1972-03-24", "to", "1974-12-20"))))
                .containsExactly("The Godfather", "The Godfather: Part II");
        assertThat(titles(Map.of("releaseDate", Map.of("from", "1999-01-01")))).containsExactly("100%_Unrated", "The Matrix");
        assertThat(titles(Map.of("releaseDate", Map.of("to", "1957-04-10")))).containsExactly("12 Angry Men");
        assertThat(titles(Map.of("releaseDate", Map.of("from", "1957-04-11", "to", "1957-04-11")))).isEmpty();
    }

    @Test
    void idsAndDirectorIdPickMovies() {
        assertThat(titles(Map.of("ids", List.of(String.valueOf(theMatrix), String.valueOf(angryMen), "987654321"))))
                .containsExactly("12 Angry Men", "The Matrix");
        assertThat(titles(Map.of("ids", List.of()))).isEmpty();
        assertThat(titles(Map.of("directorId", String.valueOf(francisFordCoppola))))
                .containsExactly("The Godfather", "The Godfather: Part II");
        assertThat(titles(Map.of("directorId", String.valueOf(francisFordCoppola), "ids", List.of(angryMen))))
                .isEmpty();
    }

    @Test
    void hasDirectorRatingAndRuntimeSelectWithOrWithout() {
        assertThat(titles(Map.of("hasDirector", false))).containsExactly("100%_Unrated");
        assertThat(titles(Map.of("hasDirector", true))).hasSize(5).doesNotContain("100%_Unrated");
        assertThat(titles(Map.of("hasRating", false))).containsExactly("100%_Unrated", "Raging Bull");
        assertThat(titles(Map.of("hasRating", true))).hasSize(4).doesNotContain("100%_Unrated", "Raging Bull");
        assertThat(titles(Map.of("hasRuntime", false))).containsExactly("100%_Unrated");
        assertThat(titles(Map.of("hasRuntime", true))).hasSize(5).doesNotContain("100%_Unrated");
        assertThat(titles(Map.of("hasRating", false, "hasRuntime", true, "hasDirector", true)))
                .containsExactly("Raging Bull");
        assertThat(titles(Map.of("ids", List.of(unrated), "hasRating", true))).isEmpty();
    }

    @Test
    void badNewFiltersAreRefusedWithTheirCodes() {
        assertThat(code(Map.of("releaseDate", Map.of("from", "2000-01-02", "to", "2000-01-01"))))
                .isEqualTo("BAD_USER_INPUT");
        List<String> tooMany = java.util.stream.LongStream.rangeClosed(1, 101).mapToObj(Long::toString).toList();
        assertThat(code(Map.of("ids", tooMany))).isEqualTo("BAD_USER_INPUT");
        assertThat(titles(Map.of("ids", tooMany.subList(0, 100)))).hasSize(6);
        assertThat(code(Map.of("ids", List.of("1", "minus one")))).isEqualTo("INVALID_ID");
        assertThat(code(Map.of("directorId", "0"))).isEqualTo("INVALID_ID");
        assertThat(code(Map.of("search", "x".repeat(301)))).isEqualTo("BAD_USER_INPUT");
        assertThat(code(Map.of("updatedSince", "yesterday"))).isNotNull();
    }

    private String code(Map<String, Object> filter) {
        JsonNode result = server.execute(QUERY, Map.of("filter", filter));
        assertThat(result.get("errors")).as("errors in %s", result).isNotNull();
        return result.get("errors").get(0).get("extensions").get("code").asString();
    }

    @Test
    void titleContainsIgnoresCaseAndTakesWildcardsLiterally() {
        assertThat(titles(Map.of("titleContains", "GODFATHER"))).containsExactly("The Godfather", "The Godfather: Part II");
        assertThat(titles(Map.of("titleContains", "%_"))).containsExactly("100%_Unrated");
        assertThat(titles(Map.of("titleContains", "_"))).containsExactly("100%_Unrated");
        assertThat(titles(Map.of("titleContains", "nothing like this"))).isEmpty();
    }

    @Test
    void genresMatchAnyOfTheNamesInAnyCase() {
        assertThat(titles(Map.of("genres", List.of("crime")))).containsExactly("The Godfather", "The Godfather: Part II");
        assertThat(titles(Map.of("genres", List.of("SCI-FI", "Drama"))))
                .containsExactly("12 Angry Men", "The Godfather", "The Matrix");
    }

    @Test
    void directorMatchesPartOfTheName() {
        assertThat(titles(Map.of("director", "coppola"))).containsExactly("The Godfather", "The Godfather: Part II");
        assertThat(titles(Map.of("director", "Lumet"))).containsExactly("12 Angry Men");
    }

    @Test
    void releaseYearRangeIsInclusive() {
        assertThat(titles(Map.of("releaseYear", Map.of("min", 1972, "max", 1974))))
                .containsExactly("The Godfather", "The Godfather: Part II");
        assertThat(titles(Map.of("releaseYear", Map.of("min", 1999)))).containsExactly("100%_Unrated", "The Matrix");
        assertThat(titles(Map.of("releaseYear", Map.of("max", 1957)))).containsExactly("12 Angry Men");
    }

    @Test
    void ratingRangeIsInclusiveAndSkipsUnrated() {
        assertThat(titles(Map.of("rating", Map.of("min", 90))))
                .containsExactly("12 Angry Men", "The Godfather", "The Godfather: Part II");
        assertThat(titles(Map.of("rating", Map.of("max", 89)))).containsExactly("The Matrix");
        assertThat(titles(Map.of("rating", Map.of("min", 0, "max", 100)))).hasSize(4);
    }

    @Test
    void everyConditionMustHold() {
        Map<String, Object> filter = Map.of("titleContains", "the", "genres", List.of("Crime", "Sci-fi"),
                "releaseYear", Map.of("min", 1970, "max", 2000), "rating", Map.of("min", 88));
        JsonNode result = server.execute(QUERY, Map.of("filter", filter,
                "orderBy", List.of(Map.of("field", "RATING", "direction", "DESC"))));
        assertThat(result.get("data").get("movies").get("totalCount").asInt()).isEqualTo(2);
        assertThat(titlesOf(result)).containsExactly("The Godfather", "The Godfather: Part II");
    }

    @Test
    void upsideDownRangesAreRefused() {
        JsonNode result = server.execute(QUERY, Map.of("filter", Map.of("rating", Map.of("min", 90, "max", 10))));
        assertThat(result.get("errors").get(0).get("extensions").get("code").asString()).isEqualTo("BAD_USER_INPUT");
        result = server.execute(QUERY, Map.of("filter", Map.of("rating", Map.of("min", 101))));
        assertThat(result.get("errors").get(0).get("extensions").get("code").asString()).isEqualTo("BAD_USER_INPUT");
    }

    private List<String> titles(Map<String, Object> filter) {
        JsonNode result = server.execute(QUERY, Map.of("filter", filter));
        assertThat(result.get("errors")).as("errors in %s", result).isNull();
        List<String> titles = titlesOf(result);
        assertThat(result.get("data").get("movies").get("totalCount").asInt()).isEqualTo(titles.size());
        return titles;
    }

    private static List<String> titlesOf(JsonNode result) {
        List<String> titles = new ArrayList<>();
        result.get("data").get("movies").get("edges").forEach(e -> titles.add(e.get("node").get("title").asString()));
        return titles;
    }
}
