package org.mymoviedb.admin.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin's only way to the catalogue: runs the operations in this package's .graphql files against the
 * server's GraphQL endpoint and turns answers into records. Blocking; callers run it off the FX thread.
 */
public final class CatalogueClient {

    /** Operations that spread a fragment get the fragment's file appended; see MovieFields.graphql. */
    private static final List<String> FRAGMENTS = List.of("MovieFields");
    private static final Map<String, String> DOCUMENTS = new ConcurrentHashMap<>();

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final GraphQLTransport transport;
    private volatile URI endpoint;
    private volatile String token;

    public CatalogueClient(URI endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.transport = new GraphQLTransport(json, timeout);
    }

    public URI endpoint() {
        return endpoint;
    }

    public void endpoint(URI endpoint) {
        this.endpoint = endpoint;
    }

    public boolean signedIn() {
        return token != null;
    }

    /** The full text of an operation, with the fragments it uses: what is sent, and what the contract test checks. */
    public static String document(String operation) {
        return DOCUMENTS.computeIfAbsent(operation, name -> {
            StringBuilder text = new StringBuilder(resource(name));
            for (String fragment : FRAGMENTS) {
                if (text.indexOf("..." + fragment) >= 0) {
                    text.append('\n').append(resource(fragment));
                }
            }
            return text.toString();
        });
    }

    private static String resource(String name) {
        try (InputStream in = CatalogueClient.class.getResourceAsStream(name + ".graphql")) {
            if (in == null) {
                throw new IllegalArgumentException("No operation " + name + ".graphql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- session -------------------------------------------------------------------------------------------

    /** Signs in; on success later calls carry the token (kept in memory only). */
    public SignedInUser login(String username, String password) {
        JsonNode payload = call("Login", vars("username", username, "password", password)).get("login");
        List<UserError> errors = userErrors(payload);
        if (!errors.isEmpty()) {
            throw new ApiException(errors.get(0).code(), errors.get(0).message());
        }
        token = payload.get("token").asString();
        return json.treeToValue(payload.get("user"), SignedInUser.class);
    }

    public void logout() {
        try {
            if (token != null) {
                call("Logout", Map.of());
            }
        } finally {
            token = null;
        }
    }

    /** Forgets the token without telling the server: what an expired session looks like from here. */
    public void forgetSession() {
        token = null;
    }

    // --- movies --------------------------------------------------------------------------------------------

    public MoviePage movies(MovieQuery query, int first, String after) {
        return movies(query, first, after, null);
    }

    /** The same, only among {@code onlyIds} when given: whether those movies are in the list {@code query} shows. */
    public MoviePage movies(MovieQuery query, int first, String after, List<String> onlyIds) {
        Map<String, Object> filter = new LinkedHashMap<>();
        putIfPresent(filter, "ids", onlyIds);
        putIfPresent(filter, "titleContains", blankToNull(query.titleContains()));
        if (query.genre() != null) {
            filter.put("genres", List.of(query.genre()));
        }
        putIfPresent(filter, "director", blankToNull(query.director()));
        putIfPresent(filter, "releaseYear", range(query.yearMin(), query.yearMax()));
        putIfPresent(filter, "rating", range(query.ratingMin(), query.ratingMax()));
        putIfPresent(filter, "search", blankToNull(query.search()));
        putIfPresent(filter, "hasDirector", query.hasDirector());
        putIfPresent(filter, "hasRating", query.hasRating());
        putIfPresent(filter, "hasRuntime", query.hasRuntime());
        List<Map<String, Object>> orderBy = query.orderBy().stream()
                .map(o -> Map.<String, Object>of("field", o.field(), "direction", o.descending() ? "DESC" : "ASC"))
                .toList();
        JsonNode movies = call("Movies", vars("first", first, "after", after, "filter", filter,
                "orderBy", orderBy)).get("movies");
        List<Movie> list = new ArrayList<>();
        for (JsonNode edge : movies.get("edges")) {
            list.add(json.treeToValue(edge.get("node"), Movie.class));
        }
        JsonNode pageInfo = movies.get("pageInfo");
        return new MoviePage(list, movies.get("totalCount").asInt(), pageInfo.get("hasNextPage").asBoolean(),
                textOrNull(pageInfo.get("endCursor")));
    }

    public Movie movie(String id) {
        JsonNode movie = call("Movie", vars("id", id)).get("movie");
        return movie.isNull() ? null : json.treeToValue(movie, Movie.class);
    }

    public MovieSaved createMovie(MovieDraft draft) {
        return movieSaved(call("CreateMovie", vars("input", input(draft))).get("createMovie"));
    }

    /**
     * Sets the draft's {@code fields}, if the movie is still at {@code expectedVersion}; the others keep what
     * the server has, so an edit never undoes a colleague's change to a field the editor did not touch.
     */
    public MovieSaved updateMovie(String id, int expectedVersion, MovieDraft draft, Set<MovieField> fields) {
        Map<String, Object> input = input(draft);
        input.keySet().removeIf(key -> fields.stream().noneMatch(field -> field.key().equals(key)));
        return movieSaved(call("UpdateMovie", vars("id", id, "expectedVersion", expectedVersion,
                "input", input)).get("updateMovie"));
    }

    /**
     * Deletes all the movies or none: each only if it is still at the version shown, so a movie someone else has
     * changed since is never deleted unseen. On CONFLICT the answer holds the changed movies as they are now.
     */
    public MoviesDeleted deleteMovies(List<Movie> shown) {
        List<Map<String, Object>> movies = shown.stream()
                .map(m -> Map.<String, Object>of("id", m.id(), "expectedVersion", m.version())).toList();
        JsonNode payload = call("DeleteMovies", vars("movies", movies)).get("deleteMovies");
        List<String> deleted = new ArrayList<>();
        payload.get("deletedIds").forEach(id -> deleted.add(id.asString()));
        List<Movie> changed = new ArrayList<>();
        payload.get("current").forEach(movie -> changed.add(json.treeToValue(movie, Movie.class)));
        return new MoviesDeleted(deleted, changed, userErrors(payload));
    }

    /**
     * Runs the server's CSV import on {@code csv} (the catalogue's own format, header first): with {@code dryRun}
     * nothing is written and the report says what would happen.
     */
    public ImportReport importMovies(String csv, boolean dryRun) {
        return json.treeToValue(call("ImportMovies", vars("csv", csv, "dryRun", dryRun)).get("importMovies"),
                ImportReport.class);
    }

    /** A page of a movie's history, newest first: {@code after} null for the first. */
    public HistoryPage history(String movieId, int first, String after) {
        JsonNode movie = call("MovieHistory", vars("id", movieId, "first", first, "after", after)).get("movie");
        return movie.isNull() ? new HistoryPage(List.of(), false, null) : historyPage(movie.get("history"));
    }

    // --- genres and people ---------------------------------------------------------------------------------

    public List<NamedRef> genres() {
        return refs(call("Genres", Map.of()).get("genres"));
    }

    public NameSaved createGenre(String name) {
        return nameSaved(call("CreateGenre", vars("name", name)).get("createGenre"), "genre");
    }

    public NameSaved renameGenre(String id, String name) {
        return nameSaved(call("RenameGenre", vars("id", id, "name", name)).get("renameGenre"), "genre");
    }

    /** Deletes the genre and takes it off every movie that has it. */
    public List<UserError> deleteGenre(String id) {
        return userErrors(call("DeleteGenre", vars("id", id)).get("deleteGenre"));
    }

    /** Deletes the person and removes their directing credits from every movie. */
    public List<UserError> deletePerson(String id) {
        return userErrors(call("DeletePerson", vars("id", id)).get("deletePerson"));
    }

    public NamePage people(String search, int first, String after) {
        JsonNode people = call("People", vars("search", blankToNull(search), "first", first, "after", after))
                .get("people");
        List<NamedRef> names = new ArrayList<>();
        for (JsonNode edge : people.get("edges")) {
            names.add(json.treeToValue(edge.get("node"), NamedRef.class));
        }
        JsonNode pageInfo = people.get("pageInfo");
        return new NamePage(names, pageInfo.get("hasNextPage").asBoolean(), textOrNull(pageInfo.get("endCursor")));
    }

    public NameSaved createPerson(String name) {
        return nameSaved(call("CreatePerson", vars("name", name)).get("createPerson"), "person");
    }

    public NameSaved renamePerson(String id, String name) {
        return nameSaved(call("RenamePerson", vars("id", id, "name", name)).get("renamePerson"), "person");
    }

    // --- accounts and the audit log -------------------------------------------------------------------------

    /** Changes the signed-in account's own password; this session stays signed in, the others are signed out. */
    public List<UserError> changePassword(String currentPassword, String newPassword) {
        return userErrors(call("ChangePassword", vars("currentPassword", currentPassword,
                "newPassword", newPassword)).get("changePassword"));
    }

    /** Every account, by username (admins only). */
    public List<UserAccount> users() {
        List<UserAccount> users = new ArrayList<>();
        call("Users", Map.of()).get("users").forEach(user -> users.add(json.treeToValue(user, UserAccount.class)));
        return users;
    }

    public UserSaved createUser(String username, String role, String password) {
        return userSaved(call("CreateUser", vars("input", vars("username", username, "role", role,
                "password", password))).get("createUser"));
    }

    /** Sets the role, the password, or both (a null one stays); a new password signs the account out. */
    public UserSaved updateUser(String id, String role, String password) {
        return userSaved(call("UpdateUser", vars("id", id, "role", role, "password", password)).get("updateUser"));
    }

    public List<UserError> deleteUser(String id) {
        return userErrors(call("DeleteUser", vars("id", id)).get("deleteUser"));
    }

    /** A page of every write {@code query} keeps, newest first: {@code after} null for the first. */
    public HistoryPage auditLog(AuditQuery query, int first, String after) {
        return historyPage(call("AuditLog", vars("first", first, "after", after, "user", query.userId(),
                "action", query.action(), "entityType", query.entityType(), "entityId", query.entityId(),
                "since", query.since() == null ? null : query.since().toString(),
                "until", query.until() == null ? null : query.until().toString())).get("auditLog"));
    }

    private HistoryPage historyPage(JsonNode history) {
        JsonNode pageInfo = history.get("pageInfo");
        return new HistoryPage(historyEntries(history), pageInfo.get("hasNextPage").asBoolean(),
                textOrNull(pageInfo.get("endCursor")));
    }

    private UserSaved userSaved(JsonNode payload) {
        JsonNode user = payload.get("user");
        return new UserSaved(user.isNull() ? null : json.treeToValue(user, UserAccount.class), userErrors(payload));
    }

    // --- transport -----------------------------------------------------------------------------------------

    /** The session's token, for the live feed's own connection (CatalogueEvents); null when signed out. */
    String token() {
        return token;
    }

    /** Runs one operation; returns its {@code data}, or throws with the first error's code. */
    JsonNode call(String operation, Map<String, Object> variables) {
        String body = json.writeValueAsString(Map.of("query", document(operation), "variables", variables));
        JsonNode answer;
        try {
            answer = transport.post(endpoint, body, token);
        } catch (ApiException refused) {
            // A 401 for an expired, revoked or unknown token: forget it, so signing in again starts clean.
            if (refused.code().equals(ApiException.UNAUTHENTICATED)) {
                token = null;
            }
            throw refused;
        }
        JsonNode errors = answer.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            JsonNode first = errors.get(0);
            String code = first.path("extensions").path("code").asString("INTERNAL_SERVER_ERROR");
            if (code.equals(ApiException.UNAUTHENTICATED)) {
                token = null;
            }
            throw new ApiException(code, first.path("message").asString());
        }
        return answer.get("data");
    }

    private static Map<String, Object> vars(Object... namesAndValues) {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            vars.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return vars;
    }

    private static Map<String, Object> input(MovieDraft draft) {
        return vars("title", draft.title(), "releaseDate", draft.releaseDate(), "rating", draft.rating(),
                "runtimeMinutes", draft.runtimeMinutes(),
                "genres", draft.genres().stream().map(name -> Map.of("name", name)).toList(),
                "directors", draft.directors().stream().map(name -> Map.of("name", name)).toList());
    }

    private static Map<String, Object> range(Integer min, Integer max) {
        if (min == null && max == null) {
            return null;
        }
        return vars("min", min, "max", max);
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private MovieSaved movieSaved(JsonNode payload) {
        return new MovieSaved(movieOrNull(payload.get("movie")), movieOrNull(payload.get("current")),
                historyEntries(payload.path("current").path("history")), userErrors(payload));
    }

    /** A history connection's entries, newest first; none for a missing connection. */
    private List<HistoryEntry> historyEntries(JsonNode history) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (JsonNode edge : history.path("edges")) {
            entries.add(json.treeToValue(edge.get("node"), HistoryEntry.class));
        }
        return entries;
    }

    private Movie movieOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : json.treeToValue(node, Movie.class);
    }

    private NameSaved nameSaved(JsonNode payload, String field) {
        JsonNode saved = payload.get(field);
        return new NameSaved(saved.isNull() ? null : json.treeToValue(saved, NamedRef.class), userErrors(payload));
    }

    private List<NamedRef> refs(JsonNode array) {
        List<NamedRef> refs = new ArrayList<>();
        for (JsonNode node : array) {
            refs.add(json.treeToValue(node, NamedRef.class));
        }
        return refs;
    }

    private List<UserError> userErrors(JsonNode payload) {
        List<UserError> errors = new ArrayList<>();
        for (JsonNode error : payload.path("userErrors")) {
            errors.add(json.treeToValue(error, UserError.class));
        }
        return errors;
    }
}
