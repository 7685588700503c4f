package org.mymoviedb.admin.movieform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.api.CatalogueChange;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.api.NamedRef;
import org.mymoviedb.admin.shell.Background;

/** The form's notice of other editors' changes to its movie: what it says, when it ticks, and when it goes. */
class ChangedMeanwhileTest {

    private static final Instant NOW = Instant.parse("2026-12-02T18:00:00Z");

    private final MovieFormViewModel form = new MovieFormViewModel(
            new CatalogueClient(URI.create("http://127.0.0.1:9/graphql"), Duration.ofSeconds(1)),
            new Background(Runnable::run, Runnable::run));
    private final ChangedMeanwhile meanwhile = new ChangedMeanwhile(form, "editor");

    private static Movie movie(String id, int version) {
        return new Movie(id, "Heat", "1995-12-15", 80, new Movie.Runtime(170), List.of(new NamedRef("g1", "Crime")),
                List.of(), version);
    }

    private static CatalogueChange change(String by, String movieId, int version, Instant at, String... fields) {
        return new CatalogueChange("e" + version, CatalogueChange.UPDATED, CatalogueChange.MOVIE, movieId, version, at,
                by, List.of(fields), movie(movieId, version), null);
    }

    @Test
    void saysWhoChangedWhatAndHowLongAgoKeepingWhatTheEditorTyped() {
        form.load(movie("m1", 3));
        form.title().set("Heat (typed, not saved)");

        meanwhile.heard(change("ann", "m1", 4, NOW.minusSeconds(20), "runtime", "genres"), NOW);

        assertThat(meanwhile.text().get()).isEqualTo("Changed by ann 20 s ago: runtime, genres");
        assertThat(form.title().get()).isEqualTo("Heat (typed, not saved)");
        assertThat(form.dirty().get()).isTrue();

        meanwhile.tick(NOW.plusSeconds(40));
        assertThat(meanwhile.text().get()).isEqualTo("Changed by ann 1 min ago: runtime, genres");

        meanwhile.heard(change("bob", "m1", 5, NOW.plusSeconds(50), "releaseDate"), NOW.plusSeconds(55));
        assertThat(meanwhile.text().get()).isEqualTo("Changed by bob and ann 5 s ago: runtime, genres, release date");
    }

    @Test
    void otherMoviesOlderVersionsAndTheFormsOwnSaveAreNoNews() {
        form.load(movie("m1", 3));
        meanwhile.heard(change("ann", "m2", 9, NOW, "title"), NOW);
        meanwhile.heard(change("ann", "m1", 3, NOW, "title"), NOW);
        form.saving().set(true);
        meanwhile.heard(change("editor", "m1", 4, NOW, "title"), NOW);
        assertThat(meanwhile.text().get()).isEmpty();
    }

    @Test
    void goesOnceTheFormShowsTheirVersion() {
        form.load(movie("m1", 3));
        meanwhile.heard(change("ann", "m1", 4, NOW, "rating"), NOW);
        assertThat(meanwhile.text().get()).isEqualTo("Changed by ann just now: rating");

        form.load(movie("m1", 4));

        assertThat(meanwhile.text().get()).isEmpty();
    }

    @Test
    void aDeletionIsSaidAsSuch() {
        form.load(movie("m1", 3));
        meanwhile.heard(new CatalogueChange("e9", CatalogueChange.DELETED, CatalogueChange.MOVIE, "m1", null,
                NOW.minusSeconds(125), "ann", List.of(), null, null), NOW);
        assertThat(meanwhile.text().get()).isEqualTo("Deleted by ann 2 min ago: saving will not bring it back.");
    }
}
