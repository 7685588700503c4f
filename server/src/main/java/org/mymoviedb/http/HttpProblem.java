package org.mymoviedb.http;

import org.mymoviedb.base.ErrorCode;

/** A request refused at the HTTP level, before GraphQL runs: its status, code and a message a person can act on. */
public final class HttpProblem extends RuntimeException {

    private final int status;
    private final ErrorCode code;

    public HttpProblem(int status, ErrorCode code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public ErrorCode code() {
        return code;
    }
}
