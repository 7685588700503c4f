package org.mymoviedb.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.IntrospectionQueryBuilder;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mymoviedb.http.Json;
import org.mymoviedb.testing.TestServer;
import tools.jackson.databind.JsonNode;

/** The schema the running server serves is exactly schema.graphqls at the repository root. */
class SchemaContractTest {

    private static String rootName(graphql.schema.GraphQLObjectType type) {
        return type == null ? null : type.getName();
    }

    private static final Path CONTRACT = Path.of("..", "schema.graphqls");

    @Test
    void theBundledSchemaIsTheRepositoryFileByteForByte() throws Exception {
        assertThat(GraphQLApi.schemaText()).isEqualTo(Files.readString(CONTRACT));
    }

    @Test
    void introspectionOverHttpDescribesTheContract() throws Exception {
        try (TestServer server = TestServer.start()) {
            JsonNode response = server.query(IntrospectionQueryBuilder.build(IntrospectionQueryBuilder.Options
                    .defaultOptions().schemaDescription(true).specifiedByUrl(true).inputValueDeprecation(true)));
            assertThat(response.get("errors")).isNull();
            @SuppressWarnings("unchecked")
            Map<String, Object> data = Json.MAPPER.convertValue(response.get("data"), Map.class);
            Document served = new IntrospectionResultToSchema().createSchemaDefinition(data);

            var contract = UnExecutableSchemaGenerator.makeUnExecutableSchema(
                    new SchemaParser().parse(Files.readString(CONTRACT)));
            var fromServer = UnExecutableSchemaGenerator.makeUnExecutableSchema(
                    new SchemaParser().buildRegistry(served));
            SchemaPrinter printer = new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
                    .includeDirectives(false).includeSchemaDefinition(false));
            assertThat(printer.print(fromServer)).isEqualTo(printer.print(contract));
            assertThat(fromServer.getQueryType().getName()).isEqualTo(contract.getQueryType().getName());
            assertThat(rootName(fromServer.getMutationType())).isEqualTo(rootName(contract.getMutationType()));
        }
    }
}
