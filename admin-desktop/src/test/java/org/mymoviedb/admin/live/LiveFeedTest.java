package org.mymoviedb.admin.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.api.CatalogueChange;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.support.CuttableProxy;
import org.mymoviedb.admin.support.OtherEditor;
import org.mymoviedb.admin.support.SwitchableProxy;
import org.mymoviedb.admin.support.ViewModelTest;
import org.mymoviedb.auth.PasswordHasher;
import org.mymoviedb.auth.Role;
import org.mymoviedb.auth.UserAccounts;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.TestServer;

/**
 * The feed against a real server: another editor's writes arrive over SSE, a dropped connection resumes after
 * the last event heard without losing one, and a server (or proxy) with no event stream is polled instead.
 */
class LiveFeedTest extends ViewModelTest {

    private static OtherEditor ann;
    private final LinkedBlockingQueue<CatalogueChange> heard = new LinkedBlockingQueue<>();
    /** Every change heard, in order, none dropped. */
    private final List<CatalogueChange> all = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private LiveFeed feed;

    @BeforeAll
    static void colleague() {
        ann = new OtherEditor(server, "ann");
    }

    @AfterEach
    void stop() throws Exception {
        if (feed != null) {
            feed.stop();
        }
        for (AutoCloseable closeable : closing) {
            closeable.close();
        }
    }

    @Test
    void anotherEditorsChangeArrivesOverTheEventStream() {
        String movie = movie("Stream arrival");
        start(server.uri("/graphql"), Duration.ofSeconds(30));
        awaitMode(LiveFeed.Mode.LIVE);

        int version = ann.change(movie, "runtimeMinutes", 117);

        CatalogueChange change = await(c -> movie.equals(c.entityId()));
        assertThat(change.eventId()).isNotNull();
        assertThat(change.kind()).isEqualTo(CatalogueChange.UPDATED);
        assertThat(change.username()).isEqualTo("ann");
        assertThat(change.version()).isEqualTo(version);
        assertThat(change.changedFields()).containsExactly("runtimeMinutes");
        assertThat(change.movie().runtimeMinutes()).isEqualTo(117);
        assertThat(feed.mode().get()).isEqualTo(LiveFeed.Mode.LIVE);
    }

    @Test
    void aDroppedConnectionResumesAfterTheLastEventWithoutLosingAny() {
        String first = movie("Resume first");
        String during = movie("Resume during");
        String created;
        CuttableProxy proxy = new CuttableProxy(server.uri("/graphql"));
        closing.add(proxy);
        start(proxy.uri(), Duration.ofSeconds(30));
        awaitMode(LiveFeed.Mode.LIVE);
        ann.change(first, "rating", 61);
        String lastBeforeTheDrop = await(c -> first.equals(c.entityId())).eventId();
        assertThat(feed.lastEventId()).isEqualTo(lastBeforeTheDrop);

        proxy.down();
        awaitMode(LiveFeed.Mode.RECONNECTING);
        // Written while the desktop cannot hear: the resumed stream must still bring both.
        ann.change(during, "rating", 62);
        created = ann.create("Resume created meanwhile", "2001-02-03");
        proxy.up();

        CatalogueChange changed = await(c -> during.equals(c.entityId()));
        CatalogueChange added = await(c -> created.equals(c.entityId()));
        assertThat(changed.movie().rating()).isEqualTo(62);
        assertThat(added.kind()).isEqualTo(CatalogueChange.CREATED);
        assertThat(proxy.connections()).isGreaterThanOrEqualTo(2);
        // Nothing heard twice: the stream resumed after the last event, not from the start.
        assertThat(all).filteredOn(c -> first.equals(c.entityId())).hasSize(1);
        assertThat(all).extracting(CatalogueChange::eventId).doesNotHaveDuplicates();
    }

    @Test
    void aStreamThatFallsSilentIsGivenUpAndResumed() {
        String movie = movie("Silent film");
        CuttableProxy proxy = new CuttableProxy(server.uri("/graphql"));
        closing.add(proxy);
        start(proxy.uri(), Duration.ofSeconds(30), Duration.ofSeconds(3));
        awaitMode(LiveFeed.Mode.LIVE);
        ann.change(movie, "rating", 31);
        await(c -> movie.equals(c.entityId()));

        // The connection stays open but nothing comes through it: no close, no error, no keep-alive.
        proxy.stall();
        ann.change(movie, "rating", 32);

        CatalogueChange resumed = await(c -> movie.equals(c.entityId()));
        assertThat(resumed.movie().rating()).isEqualTo(32);
        assertThat(proxy.connections()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void withNoEventStreamTheFeedPollsForChanges() {
        String movie = movie("Polled film");
        // The relay buffers every answer and sends no Accept header on: the server refuses the subscription, as
        // a server without push (or a proxy that does not pass event streams) would.
        SwitchableProxy buffering = new SwitchableProxy(server.uri("/graphql"));
        closing.add(buffering);
        start(buffering.uri(), Duration.ofMillis(300));
        awaitMode(LiveFeed.Mode.POLLING);

        int version = ann.change(movie, "runtimeMinutes", 95);
        CatalogueChange changed = await(c -> movie.equals(c.entityId()));
        assertThat(changed.kind()).isEqualTo(CatalogueChange.UPDATED);
        assertThat(changed.username()).isEqualTo("ann");
        assertThat(changed.version()).isEqualTo(version);
        // As history names it, as the stream does: the input's name.
        assertThat(changed.changedFields()).containsExactly("runtimeMinutes");

        String created = ann.create("Polled newcomer", "1999-09-09");
        assertThat(await(c -> created.equals(c.entityId())).kind()).isEqualTo(CatalogueChange.CREATED);
        ann.createGenre("Polled genre");
        assertThat(await(c -> CatalogueChange.GENRE.equals(c.entityType())).name().name()).isEqualTo("Polled genre");
        // Each change once, however many rounds saw it inside the look back.
        assertThat(all).filteredOn(c -> movie.equals(c.entityId())).hasSize(1);
    }

    @Test
    void aServerThatTakesNoSubscriptionsIsPolled() {
        try (TestServer pushOff = TestServer.start(Map.of("LIVE_MAX_SUBSCRIPTIONS", "0"))) {
            new UserAccounts(pushOff.database().dsl(), new PasswordHasher()).create(null, EDITOR, PASSWORD,
                    Role.EDITOR);
            OtherEditor bob = new OtherEditor(pushOff, "bob");
            String movie = bob.globalId(new Catalogue(pushOff.database().dsl()).movie("Limited film",
                    LocalDate.of(1991, 1, 1), 50, 80));
            start(pushOff.uri("/graphql"), Duration.ofMillis(300));
            awaitMode(LiveFeed.Mode.POLLING);

            bob.change(movie, "rating", 71);

            CatalogueChange changed = await(c -> movie.equals(c.entityId()));
            assertThat(changed.username()).isEqualTo("bob");
            assertThat(changed.movie().rating()).isEqualTo(71);
            feed.stop();
        }
    }

    private String movie(String title) {
        return ann.globalId(catalogue.movie(title, LocalDate.of(1990, 5, 5), 50, 90));
    }

    private void start(URI endpoint, Duration pollEvery) {
        start(endpoint, pollEvery, LiveFeed.MOST_SILENCE);
    }

    private void start(URI endpoint, Duration pollEvery, Duration mostSilence) {
        CatalogueClient client = new CatalogueClient(endpoint, Duration.ofSeconds(15));
        client.login(EDITOR, PASSWORD);
        feed = new LiveFeed(client, inline(), pollEvery, mostSilence);
        feed.listen(heard::add);
        feed.listen(all::add);
        feed.start();
    }

    private void awaitMode(LiveFeed.Mode mode) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (feed.mode().get() != mode) {
            if (System.nanoTime() > until) {
                throw new AssertionError("The feed never became " + mode + "; it is " + feed.mode().get());
            }
            sleep(20);
        }
    }

    /** The first change heard that {@code wanted} matches; the ones before it are dropped. */
    private CatalogueChange await(Predicate<CatalogueChange> wanted) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < until) {
            try {
                CatalogueChange change = heard.poll(100, TimeUnit.MILLISECONDS);
                if (change != null && wanted.test(change)) {
                    return change;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("No such change heard within 15 s");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
