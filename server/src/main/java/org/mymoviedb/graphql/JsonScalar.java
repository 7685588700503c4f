package org.mymoviedb.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code JSON} scalar: a JSON value written as itself. Strict, unlike graphql-java-extended-scalars' Json
 * (which passes any Java object through): only what JSON can say (null, String, Boolean, Number, List, Map with
 * String keys) is accepted, nested at most {@link #MAX_DEPTH} deep, so a value that is not JSON is a coded
 * error, never a half-written answer. Today it is output only (history's before and after values).
 */
public final class JsonScalar {

    /** Deeper than any value history stores; bounds the recursion. */
    static final int MAX_DEPTH = 32;

    private JsonScalar() {
    }

    public static GraphQLScalarType json() {
        return GraphQLScalarType.newScalar().name("JSON").coercing(new Strict()).build();
    }

    private static final class Strict implements Coercing<Object, Object> {

        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            return checked(value, 0, CoercingSerializeException::new);
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return checked(input, 0, CoercingParseValueException::new);
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                   Locale locale) {
            return literal(input, variables, 0);
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return toLiteral(checked(input, 0, CoercingParseValueException::new));
        }
    }

    private static Object checked(Object value, int depth, Function<String, RuntimeException> refusal) {
        if (depth > MAX_DEPTH) {
            throw refusal.apply("A JSON value nested deeper than " + MAX_DEPTH);
        }
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(checked(item, depth + 1, refusal));
            }
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw refusal.apply("A JSON object's keys are strings, not " + e.getKey());
                }
                copy.put(key, checked(e.getValue(), depth + 1, refusal));
            }
            return copy;
        }
        throw refusal.apply("Not a JSON value: " + value.getClass().getSimpleName());
    }

    private static Object literal(Value<?> input, CoercedVariables variables, int depth) {
        if (depth > MAX_DEPTH) {
            throw new CoercingParseLiteralException("A JSON value nested deeper than " + MAX_DEPTH);
        }
        if (input instanceof NullValue) {
            return null;
        }
        if (input instanceof StringValue s) {
            return s.getValue();
        }
        if (input instanceof BooleanValue b) {
            return b.isValue();
        }
        if (input instanceof IntValue i) {
            return i.getValue();
        }
        if (input instanceof FloatValue f) {
            return f.getValue();
        }
        if (input instanceof ArrayValue a) {
            List<Object> list = new ArrayList<>();
            for (Value<?> v : a.getValues()) {
                list.add(literal(v, variables, depth + 1));
            }
            return list;
        }
        if (input instanceof ObjectValue o) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (ObjectField field : o.getObjectFields()) {
                map.put(field.getName(), literal(field.getValue(), variables, depth + 1));
            }
            return map;
        }
        if (input instanceof VariableReference v) {
            return checked(variables.get(v.getName()), depth, CoercingParseLiteralException::new);
        }
        throw new CoercingParseLiteralException("Not a JSON value: " + input.getClass().getSimpleName());
    }

    private static Value<?> toLiteral(Object value) {
        if (value == null) {
            return NullValue.of();
        }
        if (value instanceof String s) {
            return StringValue.of(s);
        }
        if (value instanceof Boolean b) {
            return BooleanValue.of(b);
        }
        if (value instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString());
            return d.scale() <= 0 ? new IntValue(d.toBigIntegerExact()) : new FloatValue(d);
        }
        if (value instanceof List<?> list) {
            ArrayValue.Builder array = ArrayValue.newArrayValue();
            list.forEach(item -> array.value(toLiteral(item)));
            return array.build();
        }
        Map<?, ?> map = (Map<?, ?>) value;
        ObjectValue.Builder object = ObjectValue.newObjectValue();
        map.forEach((k, v) -> object.objectField(new ObjectField((String) k, toLiteral(v))));
        return object.build();
    }
}
