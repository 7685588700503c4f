package org.mymoviedb.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A document past the token or nesting limit is told apart from a syntax error by what failed, not by the words
 * used.
 */
class TokenLimitCodeTest {

    private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(
            new SchemaParser().parse("type Query { title: String }"), RuntimeWiring.newRuntimeWiring().build());
    private static final ParserOptions HUNDRED_TOKENS = ParserOptions.getDefaultOperationParserOptions()
            .transform(b -> b.maxTokens(100));

    @Test
    void aDocumentPastTheTokenLimitIsRefusedAsSuchInEveryLanguageGraphqlJavaSpeaks() {
        // graphql-java words its errors in the request's locale (German and Dutch besides English).
        for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN, Locale.forLanguageTag("nl"))) {
            assertThat(code("{ " + "title ".repeat(200) + "}", locale)).as("in %s", locale)
                    .isEqualTo("MAX_TOKENS_EXCEEDED");
        }
    }

    @Test
    void aDocumentPastTheParsersNestingLimitIsRefusedAsTooDeepInEveryLanguage() {
        ParserOptions shallow = ParserOptions.getDefaultOperationParserOptions().transform(b -> b.maxRuleDepth(50));
        String deep = "{ " + "title { ".repeat(60) + "}".repeat(61);
        for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN, Locale.forLanguageTag("nl"))) {
            assertThat(code(deep, locale, shallow)).as("in %s", locale).isEqualTo("MAX_DEPTH_EXCEEDED");
        }
    }

    @Test
    void aShortDocumentThatDoesNotParseIsASyntaxError() {
        assertThat(code("{ title ", Locale.GERMAN)).isEqualTo("GRAPHQL_PARSE_FAILED");
    }

    private static String code(String query, Locale locale) {
        return code(query, locale, HUNDRED_TOKENS);
    }

    private static String code(String query, Locale locale, ParserOptions parserOptions) {
        GraphQL graphQL = GraphQL.newGraphQL(SCHEMA)
                .preparsedDocumentProvider(new DocumentCache(org.mymoviedb.config.CacheBudgets.defaults(), 200, new SimpleMeterRegistry())).build();
        ExecutionInput input = ExecutionInput.newExecutionInput().query(query).locale(locale)
                .graphQLContext(Map.of(ParserOptions.class, parserOptions)).build();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) ResponseErrors.toSpecification(
                graphQL.execute(input)).get("errors");
        assertThat(errors).hasSize(1);
        return String.valueOf(((Map<?, ?>) errors.get(0).get("extensions")).get("code"));
    }
}
