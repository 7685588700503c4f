package org.mymoviedb.importer;

import java.math.BigDecimal;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** Reads typed values out of one row object, rejecting the row when a value has the wrong type. */
final class JsonFields {

    private JsonFields() {}

    /** The field's text, a number's digits (the film "300" is a number in vega), or null when absent or null. */
    static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString() || value.isNumber()) {
            return value.asString();
        }
        throw new InvalidRowException(field + " is not text but " + describe(value));
    }

    /** The field as an exact decimal, or null when absent or null. */
    static BigDecimal number(JsonNode row, String field) {
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new InvalidRowException(field + " is not a number but " + describe(value));
        }
        return value.decimalValue();
    }

    /** The field as a whole number, or null when absent or null. */
    static Integer wholeNumber(JsonNode row, String field) {
        BigDecimal value = number(row, field);
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            String problem = value.stripTrailingZeros().scale() > 0 ? "is not a whole number" : "is far too large";
            throw new InvalidRowException(field + " " + value.toPlainString() + " " + problem);
        }
    }

    /** A value's type and, when short, its text: for reasons in rejections. */
    static String describe(JsonNode value) {
        String type = value.getNodeType().name().toLowerCase(Locale.ROOT);
        String text = value.toString();
        return text.length() <= 40 ? type + " " + text : type;
    }
}
