package org.mymoviedb.graphql.plan;

import java.util.Map;

/**
 * The fields an execution plan can answer, by the type they are selected on, and the object type each one's
 * selection reads (null for a leaf). Any other field (introspection, Genre.movies, Person.directed, the
 * {@code @auth} fields, every mutation) leaves the whole operation to graphql-java.
 */
enum PlannedField {
    TYPENAME(null),
    MOVIES("MovieConnection"),
    MOVIE("Movie"),
    EDGES("MovieEdge"),
    PAGE_INFO("PageInfo"),
    TOTAL_COUNT(null),
    CURSOR(null),
    NODE("Movie"),
    HAS_NEXT_PAGE(null),
    HAS_PREVIOUS_PAGE(null),
    START_CURSOR(null),
    END_CURSOR(null),
    ID(null),
    DATABASE_ID(null),
    TITLE(null),
    RELEASE_DATE(null),
    RATING(null),
    RUNTIME("Runtime"),
    GENRES("Genre"),
    DIRECTORS("Person"),
    CREATED_AT(null),
    UPDATED_AT(null),
    VERSION(null),
    MINUTES(null),
    ISO8601(null),
    NAME(null);

    private static final Map<String, Map<String, PlannedField>> BY_TYPE = Map.of(
            "Query", Map.of("movies", MOVIES, "movie", MOVIE),
            "MovieConnection", Map.of("edges", EDGES, "pageInfo", PAGE_INFO, "totalCount", TOTAL_COUNT),
            "MovieEdge", Map.of("cursor", CURSOR, "node", NODE),
            "PageInfo", Map.of("hasNextPage", HAS_NEXT_PAGE, "hasPreviousPage", HAS_PREVIOUS_PAGE,
                    "startCursor", START_CURSOR, "endCursor", END_CURSOR),
            "Movie", Map.ofEntries(Map.entry("id", ID), Map.entry("databaseId", DATABASE_ID),
                    Map.entry("title", TITLE), Map.entry("releaseDate", RELEASE_DATE), Map.entry("rating", RATING),
                    Map.entry("runtime", RUNTIME), Map.entry("genres", GENRES), Map.entry("directors", DIRECTORS),
                    Map.entry("createdAt", CREATED_AT), Map.entry("updatedAt", UPDATED_AT),
                    Map.entry("version", VERSION)),
            "Runtime", Map.of("minutes", MINUTES, "iso8601", ISO8601),
            "Genre", Map.of("id", ID, "databaseId", DATABASE_ID, "name", NAME),
            "Person", Map.of("id", ID, "databaseId", DATABASE_ID, "name", NAME));

    /** The type a selection on this field reads, or null for a leaf. */
    final String selectionType;

    PlannedField(String selectionType) {
        this.selectionType = selectionType;
    }

    /** The field {@code name} of {@code type}, or null when no plan answers it. */
    static PlannedField of(String type, String name) {
        Map<String, PlannedField> fields = BY_TYPE.get(type);
        if (fields == null) {
            return null;
        }
        return name.equals("__typename") ? TYPENAME : fields.get(name);
    }
}
