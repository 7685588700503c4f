package org.mymoviedb.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.IntrospectionQueryBuilder;
import graphql.language.AstPrinter;
import graphql.language.Description;
import graphql.language.DirectiveDefinition;
import graphql.language.Document;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.StringValue;
import graphql.parser.Parser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mymoviedb.testing.TestServer;
import tools.jackson.databind.JsonNode;

/**
 * The SDL the server serves and schema.graphqls are the same, directives included: GET /schema.graphql byte for
 * byte, and introspection (what codegen tools read from a URL) declares no directive the file lacks, with the same
 * arguments, locations and descriptions, and the same @specifiedBy URLs and @oneOf inputs. Directives the GraphQL
 * spec itself defines (SDL leaves them out) are the only ones the file need not declare.
 */
class ServedSchemaTest {

    private static final Path CONTRACT = Path.of("..", "schema.graphqls");
    private static final Set<String> SPECIFIED = Set.of("include", "skip", "deprecated", "specifiedBy", "oneOf");

    private static TestServer server;
    private static JsonNode introspection;
    private static Document contract;

    @BeforeAll
    static void introspect() throws Exception {
        server = TestServer.start();
        JsonNode response = server.query(IntrospectionQueryBuilder.build(IntrospectionQueryBuilder.Options
                .defaultOptions().schemaDescription(true).specifiedByUrl(true).isOneOf(true)
                .directiveIsRepeatable(true).inputValueDeprecation(true)));
        assertThat(response.get("errors")).isNull();
        introspection = response.get("data").get("__schema");
        contract = Parser.parse(Files.readString(CONTRACT));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void getSchemaGraphqlIsTheFileByteForByte() throws Exception {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/schema.graphql")).build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Files.readString(CONTRACT));
    }

    @Test
    void introspectionServesExactlyTheDirectivesTheFileDeclares() {
        Map<String, String> served = new TreeMap<>();
        for (JsonNode d : introspection.get("directives")) {
            String args = d.get("args").valueStream().map(arg -> arg.get("name").asString() + ": "
                    + type(arg.get("type")) + (arg.get("defaultValue").isNull() ? "" : " = "
                    + arg.get("defaultValue").asString()) + " \"" + text(arg.get("description")) + "\"")
                    .collect(Collectors.joining(", "));
            String locations = d.get("locations").valueStream().map(JsonNode::asString).sorted()
                    .collect(Collectors.joining(" | "));
            served.put(d.get("name").asString(), signature(text(d.get("description")), args,
                    d.get("isRepeatable").asBoolean(), locations));
        }
        SPECIFIED.forEach(served::remove);
        Map<String, String> declared = new TreeMap<>();
        for (DirectiveDefinition d : contract.getDefinitionsOfType(DirectiveDefinition.class)) {
            String args = d.getInputValueDefinitions().stream().map(arg -> arg.getName() + ": "
                    + AstPrinter.printAst(arg.getType()) + (arg.getDefaultValue() == null ? "" : " = "
                    + AstPrinter.printAst(arg.getDefaultValue())) + " \"" + text(arg.getDescription()) + "\"")
                    .collect(Collectors.joining(", "));
            String locations = d.getDirectiveLocations().stream().map(l -> l.getName()).sorted()
                    .collect(Collectors.joining(" | "));
            declared.put(d.getName(), signature(text(d.getDescription()), args, d.isRepeatable(), locations));
        }
        assertThat(served).isEqualTo(declared);
    }

    @Test
    void specifiedByUrlsAndOneOfInputsAreTheFiles() {
        Map<String, String> servedUrls = new TreeMap<>();
        Set<String> servedOneOf = new TreeSet<>();
        for (JsonNode type : introspection.get("types")) {
            if (type.hasNonNull("specifiedByURL")) {
                servedUrls.put(type.get("name").asString(), type.get("specifiedByURL").asString());
            }
            if (type.hasNonNull("isOneOf") && type.get("isOneOf").asBoolean()) {
                servedOneOf.add(type.get("name").asString());
            }
        }
        Map<String, String> fileUrls = contract.getDefinitionsOfType(ScalarTypeDefinition.class).stream()
                .filter(s -> s.hasDirective("specifiedBy")).collect(Collectors.toMap(ScalarTypeDefinition::getName,
                        s -> ((StringValue) s.getDirectives("specifiedBy").get(0).getArgument("url").getValue())
                                .getValue(), (a, b) -> a, TreeMap::new));
        Set<String> fileOneOf = contract.getDefinitionsOfType(InputObjectTypeDefinition.class).stream()
                .filter(i -> i.hasDirective("oneOf")).map(InputObjectTypeDefinition::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(servedUrls).isEqualTo(fileUrls).containsKeys("Date", "DateTime", "JSON");
        assertThat(servedOneOf).isEqualTo(fileOneOf).containsExactly("GenreRef", "PersonRef");
    }

    /** A directive as both sides print it: description, arguments (type, default, description), locations. */
    private static String signature(String description, String args, boolean repeatable, String locations) {
        return "\"" + description + "\" (" + args + ")" + (repeatable ? " repeatable" : "") + " on " + locations;
    }

    private static String type(JsonNode ref) {
        return switch (ref.get("kind").asString()) {
            case "NON_NULL" -> type(ref.get("ofType")) + "!";
            case "LIST" -> "[" + type(ref.get("ofType")) + "]";
            default -> ref.get("name").asString();
        };
    }

    private static String text(JsonNode description) {
        return description == null || description.isNull() ? "" : description.asString().strip();
    }

    private static String text(Description description) {
        return description == null ? "" : description.getContent().strip();
    }
}
