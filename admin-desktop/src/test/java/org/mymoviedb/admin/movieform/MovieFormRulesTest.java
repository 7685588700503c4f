package org.mymoviedb.admin.movieform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.shell.Background;

/**
 * The form's checks before anything is sent are the server's rules: titles counted in code points, release dates
 * from 1870 to five years ahead. No window and no server: these checks never reach the client.
 */
class MovieFormRulesTest {

    private static final String CLAPPER = "🎬";

    private MovieFormViewModel form;

    @BeforeEach
    void emptyForm() {
        // Nothing answers on port 9: a check that let a bad draft through to the client would fail loudly.
        form = new MovieFormViewModel(new CatalogueClient(URI.create("http://127.0.0.1:9/graphql"),
                Duration.ofSeconds(1)), new Background());
        form.title().set("Cléo from 5 to 7");
        form.releaseDate().set("1962-04-11");
    }

    @Test
    void aReleaseDateMoreThanFiveYearsAheadIsRefusedBeforeSaving() {
        form.releaseDate().set(LocalDate.now().plusYears(6).toString());
        assertThat(form.validate()).isNull();
        assertThat(form.error("releaseDate").get()).isEqualTo("A release date may be at most 5 years ahead");

        form.releaseDate().set(LocalDate.now().plusYears(5).toString());
        assertThat(form.validate()).isNotNull();
        assertThat(form.error("releaseDate").get()).isEmpty();
    }

    @Test
    void aTitleIsCountedInCodePointsAsTheServerCountsIt() {
        form.title().set(CLAPPER.repeat(300));
        assertThat(form.validate()).as("300 emoji are 600 UTF-16 units but 300 characters").isNotNull();
        assertThat(form.error("title").get()).isEmpty();

        form.title().set(CLAPPER.repeat(512));
        assertThat(form.validate()).isNotNull();

        form.title().set(CLAPPER.repeat(513));
        assertThat(form.validate()).isNull();
        assertThat(form.error("title").get()).isEqualTo("A title has at most 512 characters");
    }

    @Test
    void theOtherChecksKeepTheirMessages() {
        form.title().set("  ");
        form.releaseDate().set("1869-12-31");
        form.rating().set("101");
        form.runtime().set("0");
        assertThat(form.validate()).isNull();
        assertThat(form.error("title").get()).isEqualTo("A title is required");
        assertThat(form.error("releaseDate").get()).isEqualTo("Release dates start in 1870");
        assertThat(form.error("rating").get()).isEqualTo("A rating is 0 to 100");
        assertThat(form.error("runtimeMinutes").get()).isEqualTo("A runtime is 1 to 1500 minutes");

        form.releaseDate().set("2024-02-30");
        form.rating().set("ten");
        assertThat(form.validate()).isNull();
        assertThat(form.error("releaseDate").get()).startsWith("“2024-02-30” is not a date: type it as 1979-05-25 or ");
        assertThat(form.error("rating").get()).isEqualTo("A rating is 0 to 100");
    }
}
