package org.mymoviedb.graphql;

import graphql.schema.DataFetchingEnvironment;

/**
 * A connection's page arguments, checked: {@code first}/{@code after} pages forward, {@code last}/{@code before}
 * backward. Sizes default to 20 and may be 0..100.
 *
 * @param size     how many edges to return
 * @param backward whether the page ends at {@code cursor} rather than starting after it
 * @param cursor   the opaque cursor, or null for the first (or last) page
 */
public record PageRequest(int size, boolean backward, String cursor) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** Reads first/after/last/before from a field's arguments. */
    public static PageRequest from(DataFetchingEnvironment env) {
        return of(env.getArgument("first"), env.getArgument("after"), env.getArgument("last"),
                env.getArgument("before"));
    }

    public static PageRequest of(Integer first, String after, Integer last, String before) {
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
            return new PageRequest(checkedSize("last", last), true, before);
        }
        return new PageRequest(checkedSize("first", first), false, after);
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
