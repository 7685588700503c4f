package org.mymoviedb.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.mymoviedb.auth.Role;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.http.Json;
import org.mymoviedb.testing.Catalogue;
import org.mymoviedb.testing.SseClient;
import org.mymoviedb.testing.TestDatabase;
import org.mymoviedb.testing.TestServer;
import tools.jackson.databind.JsonNode;

/**
 * What the outbox promises: events in transaction order (a transaction still running is never overtaken), a write
 * nobody announced delivered by the poll, and the limits, each with its stable code.
 */
class LiveDeliveryTest {

    static final String MOVIES = "subscription { movieChanged { id movieId kind movie { title } } }";

    @Test
    void aLaterTransactionThatCommitsFirstWaitsForTheEarlierOne() throws Exception {
        try (TestServer server = TestServer.start(Map.of("LIVE_POLL_MS", "50"));
             SseClient client = SseClient.subscribe(server.uri("/graphql"), MOVIES, Map.of());
             Connection first = server.database().dataSource().getConnection();
             Connection second = server.database().dataSource().getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            long early = movieWithHistory(first, "Started first, committed last"); // takes its xid first
            long late = movieWithHistory(second, "Started second, committed first");
            second.commit();

            // The feed reads at least twice after the later transaction committed, and delivers nothing of it.
            long reads = server.app().live().outboxReads();
            while (server.app().live().outboxReads() < reads + 3) {
                Thread.sleep(20);
            }
            assertThat(client.waiting()).as("the later transaction does not overtake one still running").isZero();

            first.commit();
            assertThat(movieIdOf(client.nextEvent())).isEqualTo(Ids.global(NodeType.MOVIE, early));
            assertThat(movieIdOf(client.nextEvent())).isEqualTo(Ids.global(NodeType.MOVIE, late));
        }
    }

    @Test
    void aLongTransactionInAnotherDatabaseDelaysNothing() throws Exception {
        // Another application's bulk load on the same PostgreSQL: a transaction with an id, open throughout.
        try (TestServer server = TestServer.start(Map.of("LIVE_POLL_MS", "50"));
             SseClient client = SseClient.subscribe(server.uri("/graphql"), MOVIES, Map.of());
             Connection elsewhere = TestDatabase.server().unpooledDataSource().getConnection()) {
            elsewhere.setAutoCommit(false);
            try (java.sql.Statement statement = elsewhere.createStatement()) {
                statement.execute("SELECT pg_current_xact_id()"); // takes a transaction id, and keeps it
            }
            try {
                String editor = server.signedIn("agnes", Role.EDITOR);
                String movie = LiveWrites.createMovie(server, editor, "Written while another database loads");

                SseClient.Event event = client.next(java.time.Duration.ofSeconds(5));
                assertThat(event).as("delivered while the other database's transaction is still open").isNotNull();
                assertThat(movieIdOf(event)).isEqualTo(movie);
            } finally {
                elsewhere.rollback();
            }
        }
    }

    @Test
    void aWriteWhoseAnnouncementNeverCameIsDeliveredByThePoll() throws Exception {
        // As if the writing server died between its commit and its NOTIFY: plain SQL announces nothing.
        try (TestServer server = TestServer.start(Map.of("LIVE_POLL_MS", "100"));
             SseClient client = SseClient.subscribe(server.uri("/graphql"), MOVIES, Map.of());
             Connection writer = server.database().dataSource().getConnection()) {
            writer.setAutoCommit(false);
            long id = movieWithHistory(writer, "Announced by nobody");
            writer.commit();

            SseClient.Event event = client.nextEvent();
            assertThat(movieIdOf(event)).isEqualTo(Ids.global(NodeType.MOVIE, id));
            assertThat(event.data().get("data").get("movieChanged").get("movie").get("title").asString())
                    .isEqualTo("Announced by nobody");
        }
    }

    @Test
    void theInstanceRefusesSubscriptionsPastItsLimitUntilOneEnds() throws Exception {
        try (TestServer server = TestServer.start(Map.of("LIVE_MAX_SUBSCRIPTIONS", "1"))) {
            try (SseClient first = SseClient.subscribe(server.uri("/graphql"), MOVIES, Map.of())) {
                assertThat(first.status()).isEqualTo(200);
                try (SseClient second = SseClient.subscribe(server.uri("/graphql"), MOVIES, Map.of())) {
                    assertThat(second.status()).isEqualTo(503);
                    assertThat(SubscriptionsOverSseTest.code(second.refusal())).isEqualTo("SUBSCRIPTION_LIMIT");
                }
            }
            // The server notices a dropped stream when writing to it fails (an event or a keep-alive): the first
            // write after the client went away may still be taken by the kernel, a later one fails.
            String editor = server.signedIn("agnes", Role.EDITOR);
            for (int write = 0; write < 20 && server.app().live().subscriptions() > 0; write++) {
                LiveWrites.createMovie(server, editor, "Frees the slot " + write);
                Thread.sleep(100);
            }
            assertThat(server.app().live().subscriptions()).isZero();
            try (SseClient again = SseClient.subscribe(server.uri("/graphql"), MOVIES, Map.of())) {
                assertThat(again.status()).isEqualTo(200);
            }
        }
    }

    @Test
    void aResumeFromFurtherBackThanTheWindowIsRefusedWithItsCode() {
        try (TestServer server = TestServer.start(Map.of("LIVE_RESUME_MAX_EVENTS", "2"))) {
            String editor = server.signedIn("agnes", Role.EDITOR);
            String lastSeen;
            try (SseClient client = SseClient.subscribe(server.uri("/graphql"), MOVIES, Map.of())) {
                LiveWrites.createMovie(server, editor, "Seen");
                lastSeen = client.nextEvent().id();
                for (String title : new String[] {"Missed 1", "Missed 2", "Missed 3"}) {
                    LiveWrites.createMovie(server, editor, title);
                }
                for (int i = 0; i < 3; i++) {
                    client.nextEvent(); // the feed has read them
                }
            }
            try (SseClient late = SseClient.subscribe(server.uri("/graphql"), MOVIES, Map.of(), null, lastSeen)) {
                assertThat(late.status()).isEqualTo(410);
                assertThat(SubscriptionsOverSseTest.code(late.refusal())).isEqualTo("RESUME_TOO_OLD");
            }
        }
    }

    @Test
    void aClientThatDoesNotReadIsCutOffAndHoldsBoundedBytes() throws Exception {
        int movies = 1200;
        String longTitle = "x".repeat(400);
        try (TestServer server = TestServer.start(Map.of("LIVE_MAX_QUEUED_EVENTS", "5"));
             Socket socket = new Socket()) {
            String editor = server.signedIn("agnes", Role.EDITOR);
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", server.app().port()));
            byte[] body = Json.MAPPER.writeValueAsBytes(Map.of("query", MOVIES));
            OutputStream out = socket.getOutputStream();
            out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Accept: text/event-stream\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            while (server.app().live().subscriptions() == 0) {
                Thread.sleep(20);
            }
            StringBuilder csv = new StringBuilder("title,releaseDate,rating,runtimeMinutes,genres,directors\n");
            for (int i = 0; i < movies; i++) {
                csv.append(longTitle).append(i).append(",1990-01-01,,,,\n");
            }
            JsonNode imported = server.queryAs(editor, "mutation($csv: String!) { importMovies(csv: $csv) { added } }",
                    Map.of("csv", csv.toString()));
            assertThat(imported.get("data").get("importMovies").get("added").asInt()).isEqualTo(movies);

            int waited = 0;
            while (server.app().live().subscriptions() > 0 && waited++ < 600) {
                Thread.sleep(50);
            }
            assertThat(server.app().live().subscriptions()).as("the slow subscriber was cut off").isZero();

            // Now read what the server had sent: a bounded part of the 1,200 events, then the end.
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            socket.setSoTimeout(15_000);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | java.net.SocketException cut) {
                // the server closed a connection that would not take its last words in time
            }
            long allEvents = (long) movies * longTitle.length();
            assertThat((long) received.size()).as("bytes received").isPositive().isLessThan(allEvents / 3);
            String text = received.toString(StandardCharsets.UTF_8);
            assertThat(text).contains("event: next");
            if (text.contains("event: complete")) {
                assertThat(text).contains("SLOW_CONSUMER");
            }
        }
    }

    @Test
    void keepAlivesKeepAQuietStreamOpenPastTheIdleTimeout() throws Exception {
        try (TestServer server = TestServer.start(Map.of("IDLE_TIMEOUT_MS", "600"));
             SseClient client = SseClient.subscribe(server.uri("/graphql"), MOVIES, Map.of())) {
            // Ten idle timeouts' worth of silence, bridged by keep-alive comments.
            while (client.comments() < 1 + 30) {
                assertThat(client.waiting()).as("the stream is still open").isZero();
                Thread.sleep(100);
            }
            String editor = server.signedIn("agnes", Role.EDITOR);
            String id = LiveWrites.createMovie(server, editor, "After the silence");
            assertThat(movieIdOf(client.nextEvent())).isEqualTo(id);
        }
    }

    @Test
    void theFeedLoadsAnEventsMovieOnceWhateverTheNumberOfSubscribers() throws Exception {
        try (TestServer server = TestServer.start(Map.of())) {
            String editor = server.signedIn("agnes", Role.EDITOR);
            String id = LiveWrites.createMovie(server, editor, "Cléo from 5 to 7");
            String query = "subscription($id: ID) { movieChanged(id: $id) { version movie { title rating "
                    + "genres { name } directors { name } } } }";
            int version;
            // The warm-up write (it warms the session look-up) is heard before counting, so that its read and load
            // (LIVE_BATCH_MS after the notification) fall outside the counts.
            try (SseClient warmUp = SseClient.subscribe(server.uri("/graphql"), query, Map.of("id", id))) {
                version = LiveWrites.rate(server, editor, id, 1, 10);
                while (warmUp.nextEvent().data().get("data").get("movieChanged").get("version").asInt() < version) {
                    // an earlier event
                }
            }
            long[] statements = new long[2];
            int[] subscribers = {1, 5};
            for (int round = 0; round < 2; round++) {
                java.util.List<SseClient> clients = new java.util.ArrayList<>();
                for (int i = 0; i < subscribers[round]; i++) {
                    clients.add(SseClient.subscribe(server.uri("/graphql"), query, Map.of("id", id)));
                }
                long before = server.app().database().statements().total();
                version = LiveWrites.rate(server, editor, id, version, 20 + round);
                for (SseClient client : clients) {
                    JsonNode event = client.nextEvent().data().get("data").get("movieChanged");
                    while (event.get("version").asInt() < version) { // the warm-up's update, read late
                        event = client.nextEvent().data().get("data").get("movieChanged");
                    }
                    assertThat(event.get("movie").get("genres").get(0).get("name").asString()).isEqualTo("Drama");
                    client.close();
                }
                statements[round] = server.app().database().statements().total() - before;
            }
            assertThat(statements[1]).as("SQL statements for the write and 5 subscribers' event, as for 1")
                    .isEqualTo(statements[0]);
        }
    }

    /** A movie and its history entry, written by plain SQL in {@code connection}'s transaction: nothing announces it. */
    private static long movieWithHistory(Connection connection, String title) {
        DSLContext tx = DSL.using(connection, SQLDialect.POSTGRES);
        long id = new Catalogue(tx).movie(title, java.time.LocalDate.of(1990, 1, 1), null, null);
        tx.execute("INSERT INTO audit_entry (username, action, entity_type, entity_id, entity_label) "
                + "VALUES ('sql', 'CREATE', 'movie', ?, ?)", id, title);
        return id;
    }

    private static String movieIdOf(SseClient.Event event) {
        return event.data().get("data").get("movieChanged").get("movieId").asString();
    }

    static Duration shortly() {
        return Duration.ofSeconds(10);
    }
}
