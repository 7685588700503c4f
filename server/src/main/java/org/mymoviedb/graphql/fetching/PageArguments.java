package org.mymoviedb.graphql.fetching;

import graphql.schema.DataFetchingEnvironment;
import java.util.function.Function;
import org.mymoviedb.base.ApiException;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.base.Keyset;
import org.mymoviedb.base.PageRequest;

/**
 * A connection's page arguments, checked: {@code first}/{@code after} pages forward, {@code last}/{@code before}
 * backward. Sizes default to 20 and may be 0..100.
 *
 * @param size     how many edges to return
 * @param backward whether the page ends at {@code cursor} rather than starting after it
 * @param cursor   the opaque cursor, or null for the first (or last) page
 */
public record PageArguments(int size, boolean backward, String cursor) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** Reads first/after/last/before from a field's arguments. */
    public static PageArguments from(DataFetchingEnvironment env) {
        return from(env.getArguments());
    }

    /** Reads first/after/last/before from a field's coerced arguments, as graphql-java hands them to fetchers. */
    public static PageArguments from(java.util.Map<String, Object> arguments) {
        return of((Integer) arguments.get("first"), (String) arguments.get("after"),
                (Integer) arguments.get("last"), (String) arguments.get("before"));
    }

    /** Reads first/after of a connection that only pages forward. */
    public static PageArguments forwardFrom(DataFetchingEnvironment env) {
        return of(env.getArgument("first"), env.getArgument("after"), null, null);
    }

    public static PageArguments of(Integer first, String after, Integer last, String before) {
        if (first != null && last != null) {
            throw new ApiException(ErrorCode.BAD_USER_INPUT, "Pass either first or last, not both");
        }
        if (after != null && before != null) {
            throw new ApiException(ErrorCode.BAD_USER_INPUT, "Pass either after or before, not both");
        }
        if (last != null || before != null) {
            if (first != null || after != null) {
                throw new ApiException(ErrorCode.BAD_USER_INPUT,
                        "Page forward with first/after or backward with last/before, not a mix");
            }
            return new PageArguments(checkedSize("last", last), true, before);
        }
        return new PageArguments(checkedSize("first", first), false, after);
    }

    /** The page the repository reads, the cursor decoded by {@code decode} (which refuses a foreign one). */
    public PageRequest toRequest(Function<String, Keyset> decode) {
        return new PageRequest(size, backward, cursor == null ? null : decode.apply(cursor));
    }

    private static int checkedSize(String argument, Integer requested) {
        if (requested == null) {
            return DEFAULT_SIZE;
        }
        if (requested < 0 || requested > MAX_SIZE) {
            throw new ApiException(ErrorCode.PAGE_SIZE_OUT_OF_RANGE,
                    argument + " must be between 0 and " + MAX_SIZE + ", not " + requested);
        }
        return requested;
    }
}
