package org.mymoviedb.graphql;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mymoviedb.base.ErrorCode;

/**
 * A request whose bearer token is expired, revoked or unknown is refused before it runs, with UNAUTHENTICATED,
 * so a client knows to sign in again rather than reading on as anonymous. Requests that only sign in (every root
 * field {@code @public}, such as {@code login}) still run: a client signing in again must not be blocked by the
 * token it is replacing.
 */
public final class StaleToken {

    /** The challenge sent with the refusal's 401 (RFC 6750, section 3.1). */
    public static final String CHALLENGE = "Bearer error=\"invalid_token\"";

    private StaleToken() {
    }

    /** The refusal: a request error (no {@code data}) with the code UNAUTHENTICATED. */
    public static Map<String, Object> refusal() {
        return ResponseErrors.requestError(ErrorCode.UNAUTHENTICATED, "This token is expired, revoked or unknown: "
                + "sign in again with the login mutation, or send no Authorization header to read as anonymous");
    }

    /** Whether {@code response} is {@link #refusal()}'s kind: answered with 401 and {@link #CHALLENGE}. */
    public static boolean isRefusal(Map<String, Object> response) {
        return !response.containsKey("data") && ResponseErrors.hasCode(response, ErrorCode.UNAUTHENTICATED);
    }

    /**
     * Whether the selected operation only calls {@code @public} mutations; {@code parsed} is the cached parse if
     * there is one. A document that does not parse, or selects no single operation, is not a sign-in.
     */
    public static boolean onlySignsIn(GraphQLSchema schema, String query, String operationName,
                                      Optional<Document> parsed, ParserOptions options) {
        GraphQLObjectType mutation = schema.getMutationType();
        if (mutation == null) {
            return false;
        }
        Document document;
        try {
            document = parsed.orElseGet(() -> Parser.parse(ParserEnvironment.newParserEnvironment()
                    .document(query).parserOptions(options).build()));
        } catch (InvalidSyntaxException e) {
            return false;
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(op -> operationName == null || operationName.equals(op.getName())).toList();
        if (operations.size() != 1 || operations.get(0).getOperation() != OperationDefinition.Operation.MUTATION) {
            return false;
        }
        var selections = operations.get(0).getSelectionSet().getSelections();
        return !selections.isEmpty() && selections.stream().allMatch(selection -> selection instanceof Field field
                && isPublic(mutation.getFieldDefinition(field.getName())));
    }

    private static boolean isPublic(GraphQLFieldDefinition field) {
        return field != null && field.hasAppliedDirective("public");
    }
}
