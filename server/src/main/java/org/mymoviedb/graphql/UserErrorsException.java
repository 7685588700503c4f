package org.mymoviedb.graphql;

import java.util.List;

/**
 * Abandons a mutation's transaction: nothing it wrote stays. Carries the userErrors to report, and optionally the
 * payload to answer with (a CONFLICT's current values).
 */
public final class UserErrorsException extends RuntimeException {

    private final List<UserError> errors;
    private final transient Object payload;

    public UserErrorsException(List<UserError> errors) {
        this(errors, null);
    }

    public UserErrorsException(List<UserError> errors, Object payload) {
        super(errors.isEmpty() ? "user errors" : errors.get(0).message(), null, false, false);
        this.errors = List.copyOf(errors);
        this.payload = payload;
    }

    public static UserErrorsException of(String code, String message, String... field) {
        return new UserErrorsException(List.of(UserError.of(code, message, field)));
    }

    public List<UserError> errors() {
        return errors;
    }

    /** The payload prepared by the thrower, or null to build the default one from the errors. */
    public Object payload() {
        return payload;
    }
}
