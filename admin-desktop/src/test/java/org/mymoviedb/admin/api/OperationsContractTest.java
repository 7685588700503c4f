package org.mymoviedb.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every operation the admin sends fits the public contract, so a schema change that breaks the admin breaks the build. */
class OperationsContractTest {

    private static final Path OPERATIONS = Path.of("src/main/resources/org/mymoviedb/admin/api");
    private static GraphQLSchema schema;

    @BeforeAll
    static void loadContract() throws IOException {
        String sdl = Files.readString(Path.of("../schema.graphqls"));
        schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
    }

    static Stream<String> operations() throws IOException {
        try (Stream<Path> files = Files.list(OPERATIONS)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".graphql"))
                    .map(name -> name.substring(0, name.length() - ".graphql".length()))
                    // A fragment file is checked inside the operations that use it, never alone (unused fragment).
                    .filter(name -> !name.endsWith("Fields"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("operations")
    void fitsTheSchema(String operation) {
        assertThat(validate(CatalogueClient.document(operation))).as(operation).isEmpty();
    }

    @Test
    void allOperationsAreFound() throws IOException {
        assertThat(operations().toList()).contains("Movies", "UpdateMovie", "Login", "MovieHistory", "DeletePerson",
                "Users", "CreateUser", "UpdateUser", "DeleteUser", "ChangePassword", "AuditLog", "ImportMovies",
                "CatalogueChanged").hasSize(27);
    }

    @Test
    void anOperationThatDoesNotFitFails() {
        // A field the schema lacks, and an argument of the wrong type: both must be caught.
        assertThat(validate("query { movies(first: \"ten\") { edges { node { title budget } } } }"))
                .extracting(e -> e.getValidationErrorType().toString().toLowerCase(Locale.ROOT))
                .anyMatch(type -> type.contains("field"))
                .anyMatch(type -> type.contains("wrongtype") || type.contains("literal"));
    }

    private static List<ValidationError> validate(String text) {
        Document document = Parser.parse(text);
        return new Validator().validateDocument(schema, document, Locale.ENGLISH);
    }
}
