package org.mymoviedb.admin.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mymoviedb.jooq.Tables.AUDIT_ENTRY;

import java.time.LocalDate;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.shell.HistoryFeed;
import org.mymoviedb.admin.support.ViewModelTest;

/** A movie's history beyond its latest page, without a window. */
class HistoryViewModelTest extends ViewModelTest {

    @Test
    void aLongHistoryIsReadAPageAtATimeToItsFirstEntry() {
        long id = catalogue.movie("Shoah", LocalDate.of(1985, 4, 30), 90, 566);
        int entries = 2 * HistoryFeed.PAGE_SIZE + 20; // more than the 100 the panel used to stop at
        for (int i = 0; i < entries; i++) {
            server.database().dsl().insertInto(AUDIT_ENTRY, AUDIT_ENTRY.USERNAME, AUDIT_ENTRY.ACTION,
                    AUDIT_ENTRY.ENTITY_TYPE, AUDIT_ENTRY.ENTITY_ID, AUDIT_ENTRY.ENTITY_LABEL, AUDIT_ENTRY.CHANGES)
                    .values(EDITOR, "UPDATE", "movie", id, "Shoah",
                            JSONB.valueOf("{\"rating\": {\"before\": " + i + ", \"after\": " + (i + 1) + "}}"))
                    .execute();
        }
        CatalogueClient client = signedInClient();
        HistoryViewModel history = new HistoryViewModel(client, inline());
        history.show(client.movie(String.valueOf(id)));
        assertThat(history.feed().entries()).hasSize(HistoryFeed.PAGE_SIZE);
        assertThat(history.feed().hasMore().get()).isTrue();

        for (int page = 0; page < 10 && history.feed().hasMore().get(); page++) {
            history.feed().loadMore();
        }
        assertThat(history.feed().entries()).hasSize(entries);
        assertThat(history.feed().entries().get(entries - 1).changes().get(0).after().asInt()).isEqualTo(1);
        assertThat(history.heading().get()).isEqualTo("History of Shoah");

        history.show((Movie) null);
        assertThat(history.feed().entries()).isEmpty();
    }
}
