package org.mymoviedb.graphql;

import graphql.execution.AbortExecutionException;
import java.util.Map;
import org.mymoviedb.base.ErrorCode;

/** A request refused for asking too much, before any field is fetched. */
public final class LimitExceeded extends AbortExecutionException {

    private final ErrorCode code;

    public LimitExceeded(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    /** The same refusal, as a new exception to throw for another request. */
    LimitExceeded copy() {
        return new LimitExceeded(code, getMessage());
    }

    @Override
    public Map<String, Object> getExtensions() {
        return Map.of("code", code.name());
    }
}
