package org.mymoviedb.graphql;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.incremental.DelayedIncrementalPartialResult;
import graphql.incremental.IncrementalPayload;
import graphql.introspection.GoodFaithIntrospection;
import graphql.introspection.IntrospectionDisabledError;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorClassification;
import graphql.validation.ValidationErrorType;
import graphql.language.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mymoviedb.base.ErrorCode;

/** Gives every error in a result a stable {@code extensions.code}, including graphql-java's own. */
public final class ResponseErrors {

    private ResponseErrors() {
    }

    /** The result as the JSON-ready map of the GraphQL spec, each error with a code. */
    public static Map<String, Object> toSpecification(ExecutionResult result) {
        Map<String, Object> spec = result.toSpecification();
        if (result.getErrors().isEmpty()) {
            return spec;
        }
        Map<String, Object> withCodes = new LinkedHashMap<>(spec);
        withCodes.put("errors", coded(result.getErrors()));
        return withCodes;
    }

    /**
     * A later part of a deferred answer as the spec has it, the errors of each of its payloads with their
     * {@code extensions.code} as in {@link #toSpecification(ExecutionResult)}.
     */
    public static Map<String, Object> toSpecification(DelayedIncrementalPartialResult part) {
        Map<String, Object> spec = new LinkedHashMap<>(part.toSpecification());
        if (part.getIncremental() != null) {
            List<Map<String, Object>> payloads = new ArrayList<>();
            for (IncrementalPayload payload : part.getIncremental()) {
                Map<String, Object> map = new LinkedHashMap<>(payload.toSpecification());
                if (payload.getErrors() != null && !payload.getErrors().isEmpty()) {
                    map.put("errors", coded(payload.getErrors()));
                }
                payloads.add(map);
            }
            spec.put("incremental", payloads);
        }
        return spec;
    }

    /**
     * Errors in document order (first location, then path), whichever fetcher failed first: graphql-java lists them
     * as they happen, so without this the same request could list its errors in another order each time, and an
     * execution plan in another order than graphql-java.
     */
    private static final Comparator<GraphQLError> DOCUMENT_ORDER = Comparator
            .comparingInt((GraphQLError error) -> firstLocation(error) == null ? -1 : firstLocation(error).getLine())
            .thenComparingInt(error -> firstLocation(error) == null ? -1 : firstLocation(error).getColumn())
            .thenComparing(error -> error.getPath() == null ? List.of() : error.getPath(), ResponseErrors::comparePaths);

    private static SourceLocation firstLocation(GraphQLError error) {
        return error.getLocations() == null || error.getLocations().isEmpty() ? null : error.getLocations().get(0);
    }

    private static int comparePaths(List<Object> left, List<Object> right) {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            Object a = left.get(i);
            Object b = right.get(i);
            int order = a instanceof Integer x && b instanceof Integer y ? Integer.compare(x, y)
                    : String.valueOf(a).compareTo(String.valueOf(b));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    private static List<Map<String, Object>> coded(List<GraphQLError> graphQLErrors) {
        List<Map<String, Object>> errors = new ArrayList<>();
        List<GraphQLError> ordered = new ArrayList<>(graphQLErrors);
        ordered.sort(DOCUMENT_ORDER);
        for (GraphQLError error : ordered) {
            Map<String, Object> map = new LinkedHashMap<>(error.toSpecification());
            Map<String, Object> extensions = new LinkedHashMap<>();
            if (error.getExtensions() != null) {
                extensions.putAll(error.getExtensions());
            }
            extensions.putIfAbsent("code", codeOf(error).name());
            // graphql-java adds its classification; the code is the one contract clients rely on.
            extensions.remove("classification");
            map.put("extensions", extensions);
            errors.add(map);
        }
        return errors;
    }

    static ErrorCode codeOf(GraphQLError error) {
        ErrorClassification type = error.getErrorType();
        if (error instanceof IntrospectionDisabledError) {
            return ErrorCode.INTROSPECTION_DISABLED;
        }
        if (error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
            return ErrorCode.INTROSPECTION_NOT_IN_GOOD_FAITH;
        }
        if (type == ErrorType.InvalidSyntax) {
            return ErrorCode.GRAPHQL_PARSE_FAILED; // past the token or nesting limit, DocumentCache coded it already
        }
        if (error instanceof ValidationError validation) {
            // The validator enforces RequestLimits.validationLimits(); those refusals keep the limits' own codes.
            ValidationErrorClassification rule = validation.getValidationErrorType();
            if (rule == ValidationErrorType.MaxQueryDepthExceeded) {
                return ErrorCode.MAX_DEPTH_EXCEEDED;
            }
            return rule == ValidationErrorType.MaxQueryFieldsExceeded
                    ? ErrorCode.MAX_COMPLEXITY_EXCEEDED : ErrorCode.GRAPHQL_VALIDATION_FAILED;
        }
        if (type == ErrorType.ValidationError) {
            return ErrorCode.BAD_USER_INPUT; // variables that do not coerce to their declared types
        }
        return ErrorCode.INTERNAL_SERVER_ERROR;
    }

    /** Whether any error of a response (as {@link #toSpecification} gives it) has {@code code}. */
    public static boolean hasCode(Map<String, Object> response, ErrorCode code) {
        return response.get("errors") instanceof List<?> errors && errors.stream().anyMatch(error ->
                error instanceof Map<?, ?> e && e.get("extensions") instanceof Map<?, ?> x
                        && code.name().equals(x.get("code")));
    }

    /** A one-error response for requests that never reached GraphQL (bad JSON, no query). */
    public static Map<String, Object> requestError(ErrorCode code, String message) {
        return Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("code", code.name()))));
    }
}
