package org.mymoviedb.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mymoviedb.jooq.Tables.AUDIT_ENTRY;
import static org.mymoviedb.jooq.Tables.MOVIE;

import graphql.GraphQLContext;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.auth.Role;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/** A date the calendar does not have is refused with a code and writes nothing; it is never moved to a real one. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictDatesTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass().withAccount("agnes", Role.EDITOR);

    private static final String CREATE = "mutation($input: MovieInput!) { createMovie(input: $input) { movie { id "
            + "releaseDate } userErrors { field code } } }";
    private static final String UPDATE = "mutation($id: ID!, $v: Int!, $input: MovieUpdateInput!) { updateMovie("
            + "id: $id, expectedVersion: $v, input: $input) { movie { releaseDate } userErrors { field code } } }";

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30", "2023-02-29", "2024-04-31", "2024-13-01", "2024-00-10"})
    void anImpossibleDateInVariablesIsBadUserInputAndCreatesNothing(String date) {
        int movies = movies();
        int history = catalogueHistory();
        JsonNode response = server.queryAs(server.token("agnes"), CREATE, Map.of("input", Map.of("title", "Cléo", "releaseDate", date)));
        assertThat(code(response)).as("%s", response).isEqualTo("BAD_USER_INPUT");
        assertThat(response.get("errors").get(0).get("message").asString()).contains(date);
        assertThat(response.get("data") == null || response.get("data").isNull()).as("%s", response).isTrue();
        assertThat(movies()).isEqualTo(movies);
        assertThat(catalogueHistory()).isEqualTo(history);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30", "2023-02-29", "2024-04-31", "1985-13-01"})
    void anImpossibleDateAsALiteralInAnInputIsAUserErrorOnTheFieldAndCreatesNothing(String date) {
        int movies = movies();
        int history = catalogueHistory();
        JsonNode response = server.queryAs(server.token("agnes"), "mutation { createMovie(input: {title: \"Cléo\", releaseDate: \""
                + date + "\"}) { movie { id releaseDate } userErrors { field message code } } }", Map.of());
        assertThat(response.get("errors")).as("%s", response).isNull();
        JsonNode payload = response.get("data").get("createMovie");
        assertThat(payload.get("movie").isNull()).as("%s", response).isTrue();
        JsonNode error = payload.get("userErrors").get(0);
        assertThat(error.get("code").asString()).isEqualTo("INVALID_DATE");
        assertThat(error.get("field").toString()).isEqualTo("[\"input\",\"releaseDate\"]");
        assertThat(error.get("message").asString()).contains(date);
        assertThat(movies()).isEqualTo(movies);
        assertThat(catalogueHistory()).isEqualTo(history);
    }

    @Test
    void anUpdateToAnImpossibleDateLiteralIsAUserErrorAndChangesNothing() {
        JsonNode created = server.queryAs(server.token("agnes"), CREATE, Map.of("input", Map.of("title", "Sans toit ni loi",
                "releaseDate", "1985-12-04"))).get("data").get("createMovie").get("movie");
        String id = created.get("id").asString();
        int history = catalogueHistory();
        JsonNode response = server.queryAs(server.token("agnes"), "mutation { updateMovie(id: \"" + id + "\", expectedVersion: 1, "
                + "input: {releaseDate: \"1985-02-29\"}) { movie { id } userErrors { field code } } }", Map.of());
        JsonNode error = response.get("data").get("updateMovie").get("userErrors").get(0);
        assertThat(error.get("code").asString()).as("%s", response).isEqualTo("INVALID_DATE");
        var row = server.database().dsl().selectFrom(MOVIE).where(MOVIE.ID.eq(Ids.parse(id, NodeType.MOVIE))).fetchOne();
        assertThat(row.getReleaseDate()).isEqualTo(LocalDate.of(1985, 12, 4));
        assertThat(row.getVersion()).isEqualTo(1);
        assertThat(catalogueHistory()).isEqualTo(history);
    }

    @ParameterizedTest
    @ValueSource(strings = {"30.02.2024", "yesterday", "2024-2-3"})
    void aLiteralThatIsNoDateAtAllFailsValidationAndCreatesNothing(String text) {
        int movies = movies();
        JsonNode response = server.queryAs(server.token("agnes"), "mutation { createMovie(input: {title: \"Cléo\", releaseDate: \""
                + text + "\"}) { movie { id } userErrors { code } } }", Map.of());
        assertThat(code(response)).as("%s", response).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(movies()).isEqualTo(movies);
    }

    @Test
    void anUpdateToAnImpossibleDateChangesNothing() {
        JsonNode created = server.queryAs(server.token("agnes"), CREATE, Map.of("input", Map.of("title", "Vagabond",
                "releaseDate", "1985-12-04"))).get("data").get("createMovie").get("movie");
        String id = created.get("id").asString();
        int history = catalogueHistory();
        JsonNode response = server.queryAs(server.token("agnes"), UPDATE, Map.of("id", id, "v", 1,
                "input", Map.of("releaseDate", "1985-02-29")));
        assertThat(code(response)).as("%s", response).isEqualTo("BAD_USER_INPUT");
        var row = server.database().dsl().selectFrom(MOVIE).where(MOVIE.ID.eq(Ids.parse(id, NodeType.MOVIE))).fetchOne();
        assertThat(row.getReleaseDate()).isEqualTo(LocalDate.of(1985, 12, 4));
        assertThat(row.getVersion()).isEqualTo(1);
        assertThat(catalogueHistory()).isEqualTo(history);
    }

    @Test
    void realDatesStillWorkIncludingTheTwentyNinthOfALeapFebruary() {
        JsonNode payload = server.queryAs(server.token("agnes"), CREATE, Map.of("input", Map.of("title", "Leap",
                "releaseDate", "2024-02-29"))).get("data").get("createMovie");
        assertThat(payload.get("userErrors").size()).isZero();
        assertThat(payload.get("movie").get("releaseDate").asString()).isEqualTo("2024-02-29");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30T10:00:00Z", "2023-02-29T10:00:00+01:00", "2024-04-31T00:00:00Z",
        "2024-05-31T24:00:00Z", "2024-05-31T12:60:00Z", "2024-05-31"})
    void dateTimeIsAsStrict(String text) {
        // No argument in the schema takes a DateTime yet, so its input side is checked on the served scalar.
        GraphQLScalarType dateTime = (GraphQLScalarType) server.app().api().schema().getType("DateTime");
        assertThatThrownBy(() -> dateTime.getCoercing().parseValue(text, GraphQLContext.getDefault(), Locale.ROOT))
                .isInstanceOf(CoercingParseValueException.class).hasMessageContaining(text);
        assertThatThrownBy(() -> dateTime.getCoercing().parseLiteral(graphql.language.StringValue.of(text),
                graphql.execution.CoercedVariables.emptyVariables(), GraphQLContext.getDefault(), Locale.ROOT))
                .isInstanceOf(CoercingParseLiteralException.class);
    }

    @Test
    void dateTimeReadsAndWritesRfc3339() {
        GraphQLScalarType dateTime = (GraphQLScalarType) server.app().api().schema().getType("DateTime");
        var coercing = dateTime.getCoercing();
        assertThat(coercing.parseValue("2024-02-29T10:00:00.5+02:00", GraphQLContext.getDefault(), Locale.ROOT))
                .isEqualTo(OffsetDateTime.of(2024, 2, 29, 10, 0, 0, 500_000_000, ZoneOffset.ofHours(2)));
        assertThat(coercing.serialize(OffsetDateTime.of(2024, 5, 31, 12, 0, 0, 0, ZoneOffset.UTC),
                GraphQLContext.getDefault(), Locale.ROOT)).isEqualTo("2024-05-31T12:00:00.000Z");
    }

    private static String code(JsonNode response) {
        JsonNode errors = response.get("errors");
        return errors == null ? null : errors.get(0).get("extensions").get("code").asString();
    }

    private int movies() {
        return server.database().dsl().fetchCount(MOVIE);
    }

    private int catalogueHistory() {
        return server.database().dsl().fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ENTITY_TYPE.ne("user"));
    }
}
