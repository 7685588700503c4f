package org.mymoviedb.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failed sign-ins counted per username and per client address over a window; past the limit, sign-in is refused
 * without even checking the password. Counts live in this process.
 */
public final class LoginThrottle {

    public static final int MAX_FAILURES_PER_USERNAME = 5;
    public static final int MAX_FAILURES_PER_ADDRESS = 20;

    private final Cache<String, AtomicInteger> failures;

    public LoginThrottle(Duration window) {
        this.failures = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
    }

    public boolean isBlocked(String username, String address) {
        return count(userKey(username)) >= MAX_FAILURES_PER_USERNAME
                || count(addressKey(address)) >= MAX_FAILURES_PER_ADDRESS;
    }

    public void failed(String username, String address) {
        failures.asMap().computeIfAbsent(userKey(username), k -> new AtomicInteger()).incrementAndGet();
        failures.asMap().computeIfAbsent(addressKey(address), k -> new AtomicInteger()).incrementAndGet();
    }

    public void succeeded(String username) {
        failures.invalidate(userKey(username));
    }

    private int count(String key) {
        AtomicInteger n = failures.getIfPresent(key);
        return n == null ? 0 : n.get();
    }

    private static String userKey(String username) {
        return "u:" + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
