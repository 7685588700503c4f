package org.mymoviedb.http;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;

/** Which kind of operation a GET would run: GET may only read, so mutations are turned away before executing. */
final class OperationKind {

    private OperationKind() {
    }

    /** Whether the selected operation writes; a document that does not parse is left to GraphQL to report. */
    static boolean writes(String query, String operationName, ParserOptions options) {
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(options).build());
        } catch (InvalidSyntaxException e) {
            return false;
        }
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(op -> operationName == null || operationName.equals(op.getName()))
                .anyMatch(op -> op.getOperation() != OperationDefinition.Operation.QUERY);
    }
}
