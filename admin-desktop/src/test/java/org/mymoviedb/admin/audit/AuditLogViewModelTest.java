package org.mymoviedb.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.api.AuditQuery;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.HistoryEntry;
import org.mymoviedb.admin.api.MovieDraft;
import org.mymoviedb.admin.api.MovieField;
import org.mymoviedb.admin.api.MovieSaved;
import org.mymoviedb.admin.shell.ChangeWording;
import org.mymoviedb.admin.support.ViewModelTest;
import org.mymoviedb.auth.PasswordHasher;
import org.mymoviedb.auth.Role;
import org.mymoviedb.auth.UserAccounts;

/** The audit log's filters, without a window, against a real server: a deleted movie's writes included. */
class AuditLogViewModelTest extends ViewModelTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @BeforeAll
    static void anAdmin() {
        new UserAccounts(server.database().dsl(), new PasswordHasher())
                .create(null, "boss", "the boss's long password", Role.ADMIN);
    }

    private static AuditLogViewModel log() {
        CatalogueClient admin = client();
        admin.login("boss", "the boss's long password");
        return new AuditLogViewModel(admin, inline(), PARIS);
    }

    @Test
    void aDeletedMoviesWritesAreFoundByItsIdAndReadInWords() {
        CatalogueClient editor = signedInClient();
        MovieSaved created = editor.createMovie(new MovieDraft("Le Samouraï", "1967-10-25", 85, null,
                List.of("Crime"), List.of("Jean-Pierre Melville")));
        String id = created.movie().id();
        MovieSaved updated = editor.updateMovie(id, created.movie().version(),
                new MovieDraft("Le Samouraï", "1967-10-25", 85, 105, List.of("Crime"), List.of("Jean-Pierre Melville")),
                Set.of(MovieField.RUNTIME_MINUTES));
        assertThat(editor.deleteMovies(List.of(updated.movie())).userErrors()).isEmpty();

        AuditLogViewModel log = log();
        log.entityType().set("MOVIE");
        log.entityId().set(" " + id + " ");
        log.reload();
        List<HistoryEntry> entries = log.feed().entries();
        assertThat(entries).extracting(HistoryEntry::action).containsExactly("DELETE", "UPDATE", "CREATE");
        assertThat(entries).extracting(HistoryEntry::entityLabel).containsOnly("Le Samouraï");
        assertThat(ChangeWording.changes(entries.get(1))).isEqualTo("Runtime: empty → 105 min");
        assertThat(ChangeWording.changes(entries.get(2))).contains("Genres: empty → Crime",
                "Directors: empty → Jean-Pierre Melville", "Rating: empty → 85");

        log.action().set("UPDATE");
        log.reload();
        assertThat(log.feed().entries()).extracting(HistoryEntry::action).containsExactly("UPDATE");
    }

    @Test
    void daysAreWholeDaysInTheComputersTimeZoneAndARangeMustNotEndBeforeItStarts() {
        AuditLogViewModel log = log();
        log.from().set(LocalDate.of(2024, 5, 1));
        log.to().set(LocalDate.of(2024, 5, 31));
        AuditQuery query = log.query();
        assertThat(query.since()).isEqualTo(OffsetDateTime.parse("2024-05-01T00:00:00+02:00"));
        assertThat(query.until()).isEqualTo(OffsetDateTime.parse("2024-06-01T00:00:00+02:00"));
        log.reload();
        assertThat(log.error().get()).isEmpty();
        assertThat(log.feed().entries()).isEmpty();

        log.to().set(LocalDate.of(2024, 4, 30));
        log.reload();
        assertThat(log.error().get()).isEqualTo("The date range ends before it starts");

        log.clearFilters();
        log.reload();
        assertThat(log.error().get()).isEmpty();
        assertThat(log.feed().entries()).isNotEmpty();
    }
}
