package org.mymoviedb.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mymoviedb.auth.AuthService;
import org.mymoviedb.auth.LoginThrottle;
import org.mymoviedb.auth.PasswordHasher;
import org.mymoviedb.auth.SessionCache;
import org.mymoviedb.auth.Role;
import org.mymoviedb.auth.UserAccounts;
import org.mymoviedb.http.Json;
import org.mymoviedb.testing.TestDatabase;
import org.mymoviedb.testing.TestServer;
import tools.jackson.databind.JsonNode;

/**
 * The sign-in throttle under concurrency and behind a shared address: concurrent attempts check no more passwords
 * than the limit, the lockout grows gradually, and a user's known device is not locked out by others' failures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThrottleTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String OFFICE = "203.0.113.7";

    private TestDatabase database;
    private final PasswordHasher hasher = new PasswordHasher();

    @BeforeAll
    void accounts() {
        database = TestDatabase.create();
        UserAccounts accounts = new UserAccounts(database.dsl(), hasher);
        for (String name : List.of("agnes", "jacques", "chantal", "eric")) {
            accounts.create(null, name, PASSWORD, Role.EDITOR);
        }
    }

    @AfterAll
    void drop() {
        database.close();
    }

    @Test
    void fortyConcurrentAttemptsCheckNoMorePasswordsThanTheLimit() throws Exception {
        AuthService auth = new AuthService(database.dsl(), hasher, new LoginThrottle(database.dsl(), Duration.ofMinutes(15)),
                Duration.ofHours(1), new SessionCache());
        long before = hasher.checks();
        ExecutorService threads = Executors.newFixedThreadPool(40);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AuthService.LoginResult>> attempts = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                attempts.add(threads.submit(() -> {
                    start.await();
                    return auth.login("agnes", "wrong password " + Thread.currentThread().getId(), "198.51.100.1");
                }));
            }
            start.countDown();
            int throttled = 0;
            for (Future<AuthService.LoginResult> attempt : attempts) {
                if ("THROTTLED".equals(attempt.get(120, TimeUnit.SECONDS).error().code())) {
                    throttled++;
                }
            }
            assertThat(hasher.checks() - before).isLessThanOrEqualTo(LoginThrottle.MAX_FAILURES_PER_USERNAME);
            assertThat(throttled).isGreaterThanOrEqualTo(40 - LoginThrottle.MAX_FAILURES_PER_USERNAME);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void othersFailuresFromASharedAddressDoNotLockOutAKnownDevice() {
        AuthService auth = new AuthService(database.dsl(), hasher, new LoginThrottle(database.dsl(), Duration.ofMinutes(15)),
                Duration.ofHours(1), new SessionCache());
        // Jacques signed in from the office before: that pair is a known device.
        assertThat(auth.login("jacques", PASSWORD, OFFICE).session()).isNotNull();
        // Someone in the same office (one NAT address) fails often, under many names.
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS * 2; i++) {
            auth.login("guess" + i, "wrong password", OFFICE);
        }
        AuthService.LoginResult jacques = auth.login("jacques", PASSWORD, OFFICE);
        assertThat(jacques.error()).as("%s", jacques).isNull();
        assertThat(jacques.session()).isNotNull();
        // Chantal never signed in from there: the address's wait applies to her, and it says how long.
        AuthService.LoginResult chantal = auth.login("chantal", PASSWORD, OFFICE);
        assertThat(chantal.error().code()).isEqualTo("THROTTLED");
        assertThat(chantal.retryAfter()).isPositive();
        // From elsewhere, her sign-in is untouched by the office's failures.
        assertThat(auth.login("chantal", PASSWORD, "192.0.2.44").session()).isNotNull();
    }

    @Test
    void theLockoutGrowsGraduallyAndEndsWithItsWait() {
        AtomicLong now = new AtomicLong();
        AuthService auth = new AuthService(database.dsl(), hasher,
                new LoginThrottle(database.dsl(), Duration.ofMinutes(15), () -> Duration.ofNanos(now.get())),
                Duration.ofHours(1), new SessionCache());
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USERNAME; i++) {
            assertThat(auth.login("eric", "wrong", "192.0.2.9").error().code()).isEqualTo("INVALID_CREDENTIALS");
        }
        Duration first = auth.login("eric", PASSWORD, "192.0.2.9").retryAfter();
        assertThat(first).isPositive().isLessThan(Duration.ofMinutes(15));
        now.addAndGet(first.toNanos());
        // After the wait one more attempt is checked; failing it doubles the wait.
        assertThat(auth.login("eric", "wrong", "192.0.2.9").error().code()).isEqualTo("INVALID_CREDENTIALS");
        Duration second = auth.login("eric", PASSWORD, "192.0.2.9").retryAfter();
        assertThat(second).isEqualTo(first.multipliedBy(2));
        now.addAndGet(second.toNanos());
        assertThat(auth.login("eric", PASSWORD, "192.0.2.9").session()).isNotNull();
    }

    @Test
    void expiredTalliesStartAgainAndEachAttemptDeletesAFewOfThem() {
        try (TestDatabase own = TestDatabase.create()) {
            new UserAccounts(own.dsl(), hasher).create(null, "agnes", PASSWORD, Role.EDITOR);
            AtomicLong ahead = new AtomicLong();
            AuthService auth = new AuthService(own.dsl(), hasher,
                    new LoginThrottle(own.dsl(), Duration.ofMinutes(15), () -> Duration.ofNanos(ahead.get())),
                    Duration.ofHours(1), new SessionCache());
            // Forty guessers, each from an address of its own: a username, an address and a device tally each.
            for (int i = 0; i < 40; i++) {
                auth.login("guess" + i, "wrong", "198.51.100." + i);
            }
            for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USERNAME; i++) {
                auth.login("agnes", "wrong", "192.0.2.1");
            }
            assertThat(auth.login("agnes", PASSWORD, "192.0.2.1").error().code()).isEqualTo("THROTTLED");
            assertThat(tallies(own)).isEqualTo(123);

            // Two windows later every tally has expired: Agnes's start again from nothing (one more failure is not
            // past her free ones), and each of her two attempts deletes 16 expired rows; her success, her username's.
            ahead.set(Duration.ofMinutes(31).toNanos());
            assertThat(auth.login("agnes", "wrong", "192.0.2.1").error().code()).isEqualTo("INVALID_CREDENTIALS");
            assertThat(auth.login("agnes", PASSWORD, "192.0.2.1").session()).isNotNull();
            assertThat(tallies(own)).isEqualTo(123 - 2 * 16 - 1);

            for (int i = 0; i < 8; i++) {
                auth.login("agnes", PASSWORD, "192.0.2.1");
            }
            assertThat(tallies(own)).as("only her address and her known device are left").isEqualTo(2);
        }
    }

    private static Object tallies(TestDatabase db) {
        return db.dsl().fetchValue("select count(*)::int from sign_in_tally");
    }

    @Test
    void aThrottledAnswerOverHttpSaysWhenToRetry() {
        try (TestServer server = TestServer.start()) {
            new UserAccounts(server.app().database().dsl(), new PasswordHasher()).create(null, "varda", PASSWORD, Role.EDITOR);
            String login = "{\"query\": \"mutation { login(username: \\\"varda\\\", password: \\\"wrong\\\") "
                    + "{ token userErrors { code message } } }\"}";
            for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USERNAME; i++) {
                server.post(login);
            }
            HttpResponse<String> throttled = server.post(login);
            JsonNode body = Json.MAPPER.readTree(throttled.body());
            assertThat(body.get("data").get("login").get("userErrors").get(0).get("code").asString())
                    .as(throttled.body()).isEqualTo("THROTTLED");
            long seconds = body.get("extensions").get("retryAfterSeconds").asLong();
            assertThat(seconds).isPositive();
            assertThat(throttled.headers().firstValue("Retry-After")).hasValue(Long.toString(seconds));
        }
    }
}
