package org.mymoviedb.base;

import java.util.List;

/**
 * A problem with a mutation's input, as payloads report it.
 *
 * @param field   the path to the input field it concerns, empty for the request as a whole
 * @param message what is wrong, for a person
 * @param code    a stable code: VALIDATION, REQUIRED, TOO_LONG, OUT_OF_RANGE, NOT_FOUND, DUPLICATE, CONFLICT, IN_USE,
 *                INVALID_CREDENTIALS, THROTTLED
 */
public record UserError(List<String> field, String message, String code) {

    public static UserError of(String code, String message, String... field) {
        return new UserError(List.of(field), message, code);
    }
}
