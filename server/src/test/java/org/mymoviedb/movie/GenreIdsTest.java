package org.mymoviedb.movie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.jooq.Tables.GENRE;
import static org.mymoviedb.jooq.Tables.MOVIE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.auth.Role;
import org.mymoviedb.importer.MovieImporter;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/**
 * movie.genre_ids, which searches read, follows movie_genre through every write: createMovie, updateMovie, a
 * genre's rename and cascading delete, the importer (new movies and genres added to existing ones), plain SQL.
 */
class GenreIdsTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perTest().withAccount("editor", Role.EDITOR);

    private static final String SEARCH = """
            query($f: MovieFilter) { movies(first: 50, filter: $f) { edges { node { title } } } }""";

    @Test
    void createAndUpdateMovieKeepTheArray() {
        long drama = catalogue().genre("Drama");
        JsonNode created = editor("""
                mutation { createMovie(input: {title: "Night Train", releaseDate: "1990-05-01",
                  genres: [{name: "Noir"}, {id: "%d"}]}) { movie { id version } userErrors { code } } }""".formatted(drama))
                .get("createMovie").get("movie");
        long id = Ids.parse(created.get("id").asString(), NodeType.MOVIE);
        long noir = genreId("Noir");
        assertThat(genreIds(id)).containsExactly(Math.min(drama, noir), Math.max(drama, noir));
        assertThat(search("night", "noir")).containsExactly("Night Train");

        long western = catalogue().genre("Western");
        editor("""
                mutation { updateMovie(id: "%d", expectedVersion: %d, input: {genres: [{id: "%d"}]}) {
                  movie { id } userErrors { code } } }""".formatted(id, created.get("version").asInt(), western));
        assertThat(genreIds(id)).containsExactly(western);
        assertThat(search("night", "noir")).isEmpty();
        assertThat(search("night", "western")).containsExactly("Night Train");

        editor("""
                mutation { updateMovie(id: "%d", expectedVersion: 2, input: {rating: 70}) {
                  movie { id } userErrors { code } } }""".formatted(id));
        assertThat(genreIds(id)).containsExactly(western);
        assertEveryMovieAgreesWithItsLinks();
    }

    @Test
    void aCreatedMovieRowIsWrittenOnceWithItsArray() {
        long drama = catalogue().genre("Drama");
        JsonNode created = editor("""
                mutation { createMovie(input: {title: "Le Samourai", releaseDate: "1967-10-25",
                  genres: [{name: "Noir"}, {id: "%d"}, {name: "noir"}]}) { movie { id } userErrors { code } } }"""
                .formatted(drama)).get("createMovie").get("movie");
        long id = Ids.parse(created.get("id").asString(), NodeType.MOVIE);
        long noir = genreId("Noir");
        assertThat(genreIds(id)).containsExactly(Math.min(drama, noir), Math.max(drama, noir));
        // The row the statement inserted is the one there: same transaction and command as the history entry it
        // inserted alongside. An UPDATE by the genre_ids trigger (which fires after that statement) would have
        // left a second version, made by a later command.
        org.jooq.Record2<Long, Long> versions = server.database().dsl().resultQuery("""
                SELECT (m.xmin::text = a.xmin::text)::int::bigint, (m.cmin::text::bigint - a.cmin::text::bigint)
                FROM movie m JOIN audit_entry a ON a.entity_type = 'movie' AND a.entity_id = m.id
                WHERE m.id = {0} AND a.action = 'CREATE'""", org.jooq.impl.DSL.val(id))
                .coerce(org.jooq.impl.DSL.field("same_xact", Long.class), org.jooq.impl.DSL.field("later", Long.class))
                .fetchSingle();
        assertThat(versions.value1()).isEqualTo(1L);
        assertThat(versions.value2()).isZero();
        assertEveryMovieAgreesWithItsLinks();
    }

    @Test
    void renamingAGenreKeepsItsMoviesFoundByTheNewName() {
        Catalogue c = catalogue();
        long comedy = c.genre("Comedy");
        long movie = c.movie("Night Shift", LocalDate.of(1982, 7, 30), 60, 106);
        c.tag(movie, comedy);
        editor("mutation { renameGenre(id: \"" + comedy + "\", name: \"Farce\") { genre { name } } }");
        assertThat(genreIds(movie)).containsExactly(comedy);
        assertThat(search("night", "farce")).containsExactly("Night Shift");
        assertThat(search("night", "comedy")).isEmpty();
    }

    @Test
    void deletingAGenreWithCascadeTakesItOutOfTheArrays() {
        Catalogue c = catalogue();
        long western = c.genre("Western");
        long drama = c.genre("Drama");
        long rio = c.movie("Rio Bravo", LocalDate.of(1959, 3, 18), 80, 141);
        long lonely = c.movie("Lonely Are the Brave", LocalDate.of(1962, 5, 24), 78, 107);
        c.tag(rio, western);
        c.tag(lonely, western);
        c.tag(lonely, drama);
        editor("mutation { deleteGenre(id: \"" + western + "\", cascade: true) { deletedIds } }");
        assertThat(genreIds(rio)).isEmpty();
        assertThat(genreIds(lonely)).containsExactly(drama);
        assertEveryMovieAgreesWithItsLinks();
    }

    @Test
    void theImporterKeepsTheArrayForNewMoviesAndForGenresItAddsToExistingOnes(@TempDir Path dir) throws Exception {
        Catalogue c = catalogue();
        long crime = c.genre("Crime");
        long existing = c.movie("Night and the City", LocalDate.of(1950, 6, 9), null, null);
        c.tag(existing, crime);
        String file = """
                [{"model": "movies.movie", "pk": 1, "fields": {"title": "Night and the City", "release_date": "1950-06-09",
                   "rating": 77, "duration": "01:36:00", "director": "Jules Dassin", "genre": "Film Noir"}},
                 {"model": "movies.movie", "pk": 2, "fields": {"title": "Night Moves", "release_date": "1975-06-11",
                   "rating": 70, "duration": "01:40:00", "director": "Arthur Penn", "genre": "Crime"}}]""";
        Path fixture = Files.writeString(dir.resolve("night.json"), file);
        new MovieImporter(server.database().dsl()).importFile(fixture);
        long noir = genreId("Film Noir");
        assertThat(genreIds(existing)).containsExactly(crime, noir);
        assertThat(search("night", "crime")).containsExactlyInAnyOrder("Night and the City", "Night Moves");
        assertThat(search("night", "film noir")).containsExactly("Night and the City");
        assertEveryMovieAgreesWithItsLinks();
    }

    @Test
    void plainSqlAndDeletesKeepTheArrayToo() {
        Catalogue c = catalogue();
        long horror = c.genre("Horror");
        long musical = c.genre("Musical");
        long kept = c.movie("Night of the Living Dead", LocalDate.of(1968, 10, 1), 75, 96);
        long gone = c.movie("Night of the Demon", LocalDate.of(1957, 12, 1), 73, 95);
        c.tag(kept, horror);
        c.tag(gone, horror);
        DSLContext dsl = server.database().dsl();
        dsl.execute("insert into movie_genre (movie_id, genre_id) values (?, ?)", kept, musical);
        assertThat(genreIds(kept)).containsExactly(horror, musical);
        dsl.execute("update movie_genre set genre_id = ? where movie_id = ? and genre_id = ?", musical, gone, horror);
        assertThat(genreIds(gone)).containsExactly(musical);
        dsl.execute("delete from movie_genre where movie_id = ? and genre_id = ?", kept, horror);
        assertThat(genreIds(kept)).containsExactly(musical);
        dsl.execute("delete from movie where id = ?", gone);
        assertThat(search("night", "musical")).containsExactly("Night of the Living Dead");
        assertEveryMovieAgreesWithItsLinks();
    }

    private static Catalogue catalogue() {
        return new Catalogue(server.database().dsl());
    }

    private static JsonNode editor(String mutation) {
        JsonNode response = server.queryAs(server.token("editor"), mutation, Map.of());
        assertThat(response.has("errors")).as("%s", response).isFalse();
        return response.get("data");
    }

    private static List<String> search(String title, String genre) {
        JsonNode edges = server.query(SEARCH, Map.of("f", Map.of("titleContains", title, "genres", List.of(genre))))
                .get("data").get("movies").get("edges");
        return edges.valueStream().map(e -> e.get("node").get("title").asString()).toList();
    }

    private static long genreId(String name) {
        return server.database().dsl().select(GENRE.ID).from(GENRE).where(GENRE.NAME.eq(name)).fetchSingle(GENRE.ID);
    }

    private static List<Long> genreIds(long movie) {
        return List.of(server.database().dsl().select(MOVIE.GENRE_IDS).from(MOVIE).where(MOVIE.ID.eq(movie))
                .fetchSingle(MOVIE.GENRE_IDS));
    }

    /** No movie's array differs from its links, sorted. */
    private static void assertEveryMovieAgreesWithItsLinks() {
        assertThat(server.database().dsl().fetchCount(MOVIE, MOVIE.GENRE_IDS.ne(org.jooq.impl.DSL.field(
                "(select coalesce(array_agg(genre_id order by genre_id), '{}') from movie_genre where movie_id = movie.id)",
                Long[].class)))).isZero();
    }
}
