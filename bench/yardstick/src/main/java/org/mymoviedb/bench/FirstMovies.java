package org.mymoviedb.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** W1's rows: the first movies by title (the server's default order), every scalar column, in one statement. */
public final class FirstMovies {

    private static final String SQL = "select id, title, release_date, rating, runtime_minutes,"
            + " created_at, updated_at, version from movie order by title, id limit ?";

    private FirstMovies() {
    }

    /** The first {@code limit} movies as JSON-ready maps (id, title, releaseDate, ..., version). */
    public static List<Map<String, Object>> read(Yardstick yardstick, int limit) throws SQLException {
        try (Connection connection = yardstick.connection();
             PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setInt(1, limit);
            yardstick.countStatement();
            try (ResultSet rows = statement.executeQuery()) {
                List<Map<String, Object>> movies = new ArrayList<>(limit);
                while (rows.next()) {
                    Map<String, Object> movie = new LinkedHashMap<>();
                    movie.put("id", Long.toString(rows.getLong(1)));
                    movie.put("title", rows.getString(2));
                    movie.put("releaseDate", rows.getString(3));
                    movie.put("rating", rows.getObject(4));
                    movie.put("runtimeMinutes", rows.getObject(5));
                    movie.put("createdAt", rows.getObject(6, OffsetDateTime.class).toString());
                    movie.put("updatedAt", rows.getObject(7, OffsetDateTime.class).toString());
                    movie.put("version", rows.getInt(8));
                    movies.add(movie);
                }
                return movies;
            }
        }
    }
}
