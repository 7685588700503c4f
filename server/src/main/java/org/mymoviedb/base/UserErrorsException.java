package org.mymoviedb.base;

import java.util.List;

/**
 * Abandons a write's transaction: nothing it wrote stays. Carries the userErrors to report, and optionally what
 * the write was refused over as it is now (a CONFLICT's current movie, or movies).
 */
public final class UserErrorsException extends RuntimeException {

    private final List<UserError> errors;
    private final transient Object current;

    public UserErrorsException(List<UserError> errors) {
        this(errors, null);
    }

    public UserErrorsException(List<UserError> errors, Object current) {
        super(errors.isEmpty() ? "user errors" : errors.get(0).message(), null, false, false);
        this.errors = List.copyOf(errors);
        this.current = current;
    }

    public static UserErrorsException of(String code, String message, String... field) {
        return new UserErrorsException(List.of(UserError.of(code, message, field)));
    }

    public List<UserError> errors() {
        return errors;
    }

    /** What the write was refused over, as it is now, or null. */
    public Object current() {
        return current;
    }
}
