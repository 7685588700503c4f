package org.mymoviedb.http;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;

/** Which kind of operation a request would run: GET may only read, and a subscription needs a stream. */
final class OperationKind {

    private OperationKind() {
    }

    /** Whether the selected operation writes; a document that does not parse is left to GraphQL to report. */
    static boolean writes(String query, String operationName, ParserOptions options) {
        return selected(query, operationName, options).anyMatch(op -> op != OperationDefinition.Operation.QUERY);
    }

    /** Whether the selected operation is a subscription; a document that does not parse is left to GraphQL. */
    static boolean subscribes(String query, String operationName, ParserOptions options) {
        return selected(query, operationName, options)
                .anyMatch(op -> op == OperationDefinition.Operation.SUBSCRIPTION);
    }

    /** The kinds of the operations {@code operationName} may select; none when the document does not parse. */
    private static java.util.stream.Stream<OperationDefinition.Operation> selected(String query, String operationName,
                                                                                 ParserOptions options) {
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(options).build());
        } catch (InvalidSyntaxException e) {
            return java.util.stream.Stream.empty();
        }
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(op -> operationName == null || operationName.equals(op.getName()))
                .map(OperationDefinition::getOperation);
    }
}
