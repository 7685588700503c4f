package org.mymoviedb.movie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.jooq.Tables.AUDIT_ENTRY;
import static org.mymoviedb.jooq.Tables.MOVIE;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mymoviedb.auth.Role;
import org.mymoviedb.graphql.movie.MovieCsvImport;
import org.mymoviedb.testing.FreshServer;
import tools.jackson.databind.JsonNode;

/** importMovies against real PostgreSQL: who may, what a dry run writes (nothing), the report, the limits. */
class ImportMoviesMutationTest {

    @RegisterExtension
    static final FreshServer server = FreshServer.perTest().withAccount("varda", Role.EDITOR);

    static final String IMPORT = "mutation($csv: String!, $dry: Boolean) { importMovies(csv: $csv, dryRun: $dry) {"
            + " dryRun rowsRead added updated unchanged summary rejections { label title reason } } }";

    static final String CSV = """
            title,releaseDate,rating,runtimeMinutes,genres,directors
            "Cléo from 5 to 7",1962-04-11,80,90,Drama;New Wave,Agnès Varda
            "Vagabond, the",1985-12-04,,105,Drama,Agnès Varda
            Nowhere,1962-13-01,50,,,
            ,2001-01-01,,,,
            """;

    @Test
    void anonymousCallersAreRefusedAndNothingIsWritten() {
        JsonNode response = server.query(IMPORT, Map.of("csv", CSV));
        assertThat(response.get("errors").get(0).get("extensions").get("code").asString())
                .isEqualTo("UNAUTHENTICATED");
        assertThat(server.database().dsl().fetchCount(MOVIE)).isZero();
    }

    @Test
    void aDryRunReportsEachRowAndWritesNothingThenTheImportWritesAsTheEditor() {
        JsonNode dry = importAs(CSV, true);
        assertThat(dry.get("dryRun").asBoolean()).isTrue();
        assertThat(dry.get("rowsRead").asInt()).isEqualTo(4);
        assertThat(dry.get("added").asInt()).isEqualTo(2);
        assertThat(dry.get("rejections").size()).isEqualTo(2);
        assertThat(dry.get("rejections").get(0).get("label").asString()).isEqualTo("line 4");
        assertThat(dry.get("rejections").get(0).get("title").asString()).isEqualTo("Nowhere");
        assertThat(dry.get("rejections").get(0).get("reason").asString()).contains("1962-13-01");
        assertThat(dry.get("rejections").get(1).get("reason").asString()).isEqualTo("title is missing");
        assertThat(server.database().dsl().fetchCount(MOVIE)).isZero();
        assertThat(server.database().dsl().fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ENTITY_TYPE.eq("movie"))).isZero();

        JsonNode done = importAs(CSV, false);
        assertThat(done.get("dryRun").asBoolean()).isFalse();
        assertThat(done.get("added").asInt()).isEqualTo(2);
        assertThat(server.database().dsl().fetchCount(MOVIE)).isEqualTo(2);
        assertThat(server.database().dsl().selectDistinct(AUDIT_ENTRY.USERNAME).from(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.ENTITY_TYPE.eq("movie")).fetch(AUDIT_ENTRY.USERNAME)).containsExactly("varda");
        assertThat(server.database().dsl().fetchValue("select title from movie where release_date = '1985-12-04'"))
                .isEqualTo("Vagabond, the");

        JsonNode again = importAs(CSV, false);
        assertThat(again.get("added").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(2);
    }

    @Test
    void aFileOverTheRowCapOrNotInTheFormatIsACodedErrorAndWritesNothing() {
        StringBuilder big = new StringBuilder("title,releaseDate\n");
        for (int i = 0; i <= MovieCsvImport.MAX_ROWS; i++) {
            big.append("Movie ").append(i).append(",2000-01-01\n");
        }
        assertThat(errorCode(big.toString())).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(errorCode("name,year\nAlien,1979\n")).isEqualTo("BAD_USER_INPUT");
        assertThat(errorCode("title,releaseDate\n\"unclosed,2000-01-01\n")).isEqualTo("BAD_USER_INPUT");
        assertThat(server.database().dsl().fetchCount(MOVIE)).isZero();
    }

    private JsonNode importAs(String csv, boolean dryRun) {
        JsonNode response = server.queryAs(server.token("varda"), IMPORT, Map.of("csv", csv, "dry", dryRun));
        assertThat(response.get("errors")).as(response.toString()).isNull();
        return response.get("data").get("importMovies");
    }

    private String errorCode(String csv) {
        JsonNode response = server.queryAs(server.token("varda"), IMPORT, Map.of("csv", csv));
        return response.get("errors").get(0).get("extensions").get("code").asString();
    }
}
