package org.mymoviedb.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.jooq.Tables.AUDIT_ENTRY;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.auth.Role;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/**
 * Deleting a genre or a person with cascade costs the same number of SQL statements however many movies it is
 * on: genres and people share one set-based delete. Each movie's history still says what its list was and is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CascadeStatementCountTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perClass().withAccount("cascade-editor", Role.EDITOR);

    /**
     * Lock, linked movies, unlink, new versions, their history, the delete and its history; the session is
     * remembered from the request before (SessionCache).
     */
    private static final long CASCADE_STATEMENTS = 7;

    private Catalogue catalogue;

    @BeforeAll
    void openTheCatalogue() {
        catalogue = new Catalogue(server.database().dsl());
    }

    @Test
    void deletingAGenreWithCascadeDoesNotGrowWithItsMovies() {
        assertThat(genreDelete(1)).isEqualTo(CASCADE_STATEMENTS);
        assertThat(genreDelete(12)).isEqualTo(CASCADE_STATEMENTS);
    }

    @Test
    void deletingAPersonWithCascadeDoesNotGrowWithTheirMovies() {
        assertThat(personDelete(1)).isEqualTo(CASCADE_STATEMENTS);
        assertThat(personDelete(12)).isEqualTo(CASCADE_STATEMENTS);
    }

    private long genreDelete(int movies) {
        long genre = catalogue.genre("Cascade genre " + movies);
        long other = catalogue.genre("Kept genre " + movies);
        long movie = 0;
        for (int i = 0; i < movies; i++) {
            movie = catalogue.movie("Tagged " + movies + "/" + i, LocalDate.of(1990, 1, 1 + i), 50, 90);
            catalogue.tag(movie, genre);
            catalogue.tag(movie, other);
        }
        long statements = statementsFor("mutation { deleteGenre(id: \"" + genre + "\", cascade: true) { deletedIds userErrors { code } } }",
                "deleteGenre");
        assertThat(lastChangeOf(movie)).isEqualTo("{\"genres\": {\"after\": [\"Kept genre " + movies
                + "\"], \"before\": [\"Cascade genre " + movies + "\", \"Kept genre " + movies + "\"]}}");
        return statements;
    }

    private long personDelete(int movies) {
        long person = catalogue.person("Cascade person " + movies);
        long other = catalogue.person("Kept person " + movies);
        long movie = 0;
        for (int i = 0; i < movies; i++) {
            movie = catalogue.movie("Credited " + movies + "/" + i, LocalDate.of(1991, 1, 1 + i), 50, 90);
            catalogue.credit(movie, other, 0);
            catalogue.credit(movie, person, 1);
        }
        long statements = statementsFor("mutation { deletePerson(id: \"" + person + "\", cascade: true) { deletedIds userErrors { code } } }",
                "deletePerson");
        assertThat(lastChangeOf(movie)).isEqualTo("{\"directors\": {\"after\": [\"Kept person " + movies
                + "\"], \"before\": [\"Kept person " + movies + "\", \"Cascade person " + movies + "\"]}}");
        return statements;
    }

    /** The changes of the newest history entry of {@code movieId}, as stored. */
    private String lastChangeOf(long movieId) {
        return server.database().dsl().select(AUDIT_ENTRY.CHANGES).from(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.ENTITY_TYPE.eq("movie")).and(AUDIT_ENTRY.ENTITY_ID.eq(movieId))
                .orderBy(AUDIT_ENTRY.ID.desc()).limit(1).fetchOne(AUDIT_ENTRY.CHANGES).data();
    }

    private long statementsFor(String mutation, String field) {
        server.queryAs(server.token("cascade-editor"), "{ me { id } }", Map.of());
        long before = server.app().database().statements().total();
        JsonNode result = server.queryAs(server.token("cascade-editor"), mutation, Map.of());
        assertThat(result.get("errors")).as("errors in %s", result).isNull();
        JsonNode payload = result.get("data").get(field);
        assertThat(payload.get("userErrors")).as("userErrors in %s", result).isEmpty();
        assertThat(payload.get("deletedIds")).hasSize(1);
        return server.app().database().statements().total() - before;
    }
}
