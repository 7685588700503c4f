package org.mymoviedb.movie;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.mymoviedb.base.ApiException;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.base.Keyset;
import static org.mymoviedb.jooq.Tables.MOVIE;

/** One term of a movie ordering: a sort key and its direction. */
public record MovieOrder(Key key, boolean ascending) {

    /** The keys movies can be ordered by; each matches an index that ends with the id. */
    public enum Key {
        TITLE("TE"), RELEASE_DATE("RE"), RATING("RG"), UPDATED_AT("UT"), CREATED_AT("CT"), RUNTIME("RU");

        /** The key's short name in cursors; the first three are those cursors handed out before the others. */
        private final String code;

        Key(String code) {
            this.code = code;
        }

        /**
         * The SQL sort expression; RATING sorts unrated movies as -1 and RUNTIME unknown runtimes as 0, exactly as
         * their indexes do.
         */
        Field<?> field() {
            return switch (this) {
                case TITLE -> MOVIE.TITLE;
                case RELEASE_DATE -> MOVIE.RELEASE_DATE;
                case RATING -> DSL.coalesce(MOVIE.RATING.cast(SQLDataType.INTEGER), DSL.inline(-1));
                case UPDATED_AT -> MOVIE.UPDATED_AT;
                case CREATED_AT -> MOVIE.CREATED_AT;
                case RUNTIME -> DSL.coalesce(MOVIE.RUNTIME_MINUTES, DSL.inline(0));
            };
        }

        /** This key's value for {@code movie}, as the sort expression sees it. */
        Object valueOf(Movie movie) {
            return switch (this) {
                case TITLE -> movie.title();
                case RELEASE_DATE -> movie.releaseDate();
                case RATING -> movie.rating() == null ? -1 : movie.rating();
                case UPDATED_AT -> movie.updatedAt();
                case CREATED_AT -> movie.createdAt();
                case RUNTIME -> movie.runtimeMinutes() == null ? 0 : movie.runtimeMinutes();
            };
        }

        /** The Java type of this key's values. */
        Class<?> type() {
            return switch (this) {
                case TITLE -> String.class;
                case RELEASE_DATE -> LocalDate.class;
                case RATING, RUNTIME -> Integer.class;
                case UPDATED_AT, CREATED_AT -> OffsetDateTime.class;
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

    /** Where {@code movie} sits in {@code orders}: each key's value, then the id. */
    public static Keyset positionOf(List<MovieOrder> orders, Movie movie) {
        List<Object> values = new ArrayList<>();
        for (MovieOrder order : orders) {
            values.add(order.key().valueOf(movie));
        }
        values.add(movie.id());
        return new Keyset(values);
    }

    /** The types of a position's values in {@code orders}, the id's last. */
    public static List<Class<?>> positionTypes(List<MovieOrder> orders) {
        List<Class<?>> types = new ArrayList<>();
        for (MovieOrder order : orders) {
            types.add(order.key().type());
        }
        types.add(Long.class);
        return types;
    }

    /** A short name of an ordering, stored in its cursors: a cursor only fits the ordering it came from. */
    public static String signature(List<MovieOrder> orders) {
        StringBuilder s = new StringBuilder();
        for (MovieOrder o : orders) {
            s.append(o.key().code).append(o.ascending() ? '+' : '-');
        }
        return s.toString();
    }
}
