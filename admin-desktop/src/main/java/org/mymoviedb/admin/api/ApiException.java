package org.mymoviedb.admin.api;

/**
 * A call that did not get an answer the screen can use. {@code code} is the server's stable error code, or
 * UNREACHABLE / TIMEOUT when no answer came at all, NOT_GRAPHQL when what answered is not the catalogue's API.
 */
public final class ApiException extends RuntimeException {

    public static final String UNREACHABLE = "UNREACHABLE";
    public static final String TIMEOUT = "TIMEOUT";
    public static final String NOT_GRAPHQL = "NOT_GRAPHQL";
    /** The admin itself failed (a bug): the message says so rather than blaming the server. */
    public static final String ADMIN_FAULT = "ADMIN_FAULT";
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";

    private final String code;

    public ApiException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Worth retrying as is: the server was down, slow or busy, not wrong about the request. */
    public boolean transientFailure() {
        return code.equals(UNREACHABLE) || code.equals(TIMEOUT) || code.equals("SERVER_BUSY");
    }
}
