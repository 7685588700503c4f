package org.mymoviedb.admin.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mymoviedb.admin.api.CatalogueChange;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.CatalogueEvents;
import org.mymoviedb.admin.api.NamedRef;

/**
 * What the live feed does when the server has no push: asks, each round, for the movies changed since the last
 * round (with a look back, since a write that committed late carries an earlier time), and compares the genre
 * list and the first page of people with the previous round's. Polling sees no deleted movie: the list learns
 * of those at its next reload.
 */
final class ChangePolling {

    /** A write may commit this long after the time it carries and still be found. */
    static final Duration LOOK_BACK = Duration.ofSeconds(5);
    /** The people compared each round: the People tab's first page. */
    static final int PEOPLE_PAGE = 100;
    /** At most this many movie changes remembered to tell news from repeats; the oldest are forgotten first. */
    static final int REMEMBERED = 10_000;

    private final CatalogueClient client;
    private final CatalogueEvents events;
    /** The newest change seen, by the server's clock. */
    private Instant newest;
    /** Movie id → version and time of the change last reported, for the changes inside the look back. */
    private final LinkedHashMap<String, Seen> seen = new LinkedHashMap<>();
    private Map<String, NamedRef> genres;
    private List<NamedRef> people;

    private record Seen(int version, Instant at) {
    }

    ChangePolling(CatalogueClient client, CatalogueEvents events) {
        this.client = client;
        this.events = events;
    }

    /** Takes what the server holds now as known: only later changes are news. */
    void start() {
        newest = events.lastMovieChange();
        if (newest != null) {
            for (CatalogueChange change : events.moviesChangedSince(newest.minus(LOOK_BACK), null).changes()) {
                remember(change);
            }
        }
        genres = byId(client.genres());
        people = client.people(null, PEOPLE_PAGE, null).names();
    }

    /** One round: every change since the last round, movies first, oldest first. */
    List<CatalogueChange> poll() {
        List<CatalogueChange> news = new ArrayList<>();
        Instant since = newest == null ? null : newest.minus(LOOK_BACK);
        String after = null;
        CatalogueEvents.ChangedMovies page;
        do {
            page = events.moviesChangedSince(since, after);
            for (CatalogueChange change : page.changes()) {
                Seen before = seen.get(change.entityId());
                if (before == null || before.version() < change.version()) {
                    news.add(change);
                }
                remember(change);
            }
            after = page.endCursor();
        } while (page.hasNextPage());
        forgetOlderThan(newest == null ? null : newest.minus(LOOK_BACK));
        news.addAll(genreChanges(byId(client.genres())));
        List<NamedRef> nowPeople = client.people(null, PEOPLE_PAGE, null).names();
        if (!nowPeople.equals(people)) {
            // Which of them changed would take every page to tell; that someone did is what the lists need.
            news.add(new CatalogueChange(null, CatalogueChange.UPDATED, CatalogueChange.PERSON, null, null,
                    Instant.now(), null, List.of(), null, null));
        }
        people = nowPeople;
        return news;
    }

    private void remember(CatalogueChange change) {
        seen.remove(change.entityId());
        seen.put(change.entityId(), new Seen(change.version(), change.at()));
        if (newest == null || change.at().isAfter(newest)) {
            newest = change.at();
        }
        while (seen.size() > REMEMBERED) {
            seen.remove(seen.keySet().iterator().next());
        }
    }

    private void forgetOlderThan(Instant horizon) {
        if (horizon != null) {
            seen.values().removeIf(s -> s.at().isBefore(horizon));
        }
    }

    private List<CatalogueChange> genreChanges(Map<String, NamedRef> now) {
        List<CatalogueChange> changes = new ArrayList<>();
        for (NamedRef genre : now.values()) {
            NamedRef before = genres.get(genre.id());
            if (before == null || !Objects.equals(before.name(), genre.name())) {
                changes.add(new CatalogueChange(null, before == null ? CatalogueChange.CREATED : CatalogueChange.UPDATED,
                        CatalogueChange.GENRE, genre.id(), null, Instant.now(), null,
                        before == null ? List.of() : List.of("name"), null, genre));
            }
        }
        for (NamedRef gone : genres.values()) {
            if (!now.containsKey(gone.id())) {
                changes.add(new CatalogueChange(null, CatalogueChange.DELETED, CatalogueChange.GENRE, gone.id(), null,
                        Instant.now(), null, List.of(), null, null));
            }
        }
        genres = now;
        return changes;
    }

    private static Map<String, NamedRef> byId(List<NamedRef> refs) {
        Map<String, NamedRef> map = new HashMap<>();
        refs.forEach(ref -> map.put(ref.id(), ref));
        return map;
    }
}
