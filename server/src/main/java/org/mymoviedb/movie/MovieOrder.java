package org.mymoviedb.movie;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.mymoviedb.graphql.ApiException;
import org.mymoviedb.graphql.ErrorCode;

import static org.mymoviedb.jooq.Tables.MOVIE;

/** One term of a movie ordering: a sort key and its direction. */
public record MovieOrder(Key key, boolean ascending) {

    /** The keys movies can be ordered by; each matches an index that ends with the id. */
    public enum Key {
        TITLE, RELEASE_DATE, RATING;

        /** The SQL sort expression; RATING sorts unrated movies as -1, exactly as its index does. */
        Field<?> field() {
            return switch (this) {
                case TITLE -> MOVIE.TITLE;
                case RELEASE_DATE -> MOVIE.RELEASE_DATE;
                case RATING -> DSL.coalesce(MOVIE.RATING.cast(SQLDataType.INTEGER), DSL.inline(-1));
            };
        }

        /** This key's value for {@code movie}, as stored in cursors. */
        Object valueOf(Movie movie) {
            return switch (this) {
                case TITLE -> movie.title();
                case RELEASE_DATE -> movie.releaseDate().toString();
                case RATING -> movie.rating() == null ? -1 : movie.rating();
            };
        }
    }

    public static final List<MovieOrder> DEFAULT = List.of(new MovieOrder(Key.TITLE, true));

    /** Reads the GraphQL argument {@code orderBy: [MovieOrder!]}; null or empty means the default. */
    public static List<MovieOrder> fromArgument(List<Map<String, Object>> argument) {
        if (argument == null || argument.isEmpty()) {
            return DEFAULT;
        }
        EnumSet<Key> seen = EnumSet.noneOf(Key.class);
        List<MovieOrder> orders = new ArrayList<>();
        for (Map<String, Object> term : argument) {
            Key key = Key.valueOf((String) term.get("field"));
            if (!seen.add(key)) {
                throw new ApiException(ErrorCode.BAD_USER_INPUT, "orderBy names " + key + " more than once");
            }
            orders.add(new MovieOrder(key, !"DESC".equals(term.get("direction"))));
        }
        return orders;
    }

    /** A short name of an ordering, stored in its cursors: a cursor only fits the ordering it came from. */
    static String signature(List<MovieOrder> orders) {
        StringBuilder s = new StringBuilder();
        for (MovieOrder o : orders) {
            s.append(o.key().name().charAt(0)).append(o.key().name().charAt(o.key().name().length() - 1))
                    .append(o.ascending() ? '+' : '-');
        }
        return s.toString();
    }
}
