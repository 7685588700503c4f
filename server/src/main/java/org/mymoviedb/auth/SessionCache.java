package org.mymoviedb.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live sessions this instance looked up lately, so a signed-in request need not ask the database who it is. The
 * rule: an entry is used for at most {@link #FRESHNESS} after its look-up, never past its session's expiry, and
 * never once this instance has revoked anything since the look-up began (sign-out, a new password, a role
 * change, a deleted account: {@link #revoked()}, called after the revocation commits). So a token revoked here
 * stops working here at once; revoked by another server instance on the same database, it stops working here
 * within {@link #FRESHNESS}. Unknown, expired and revoked tokens are never remembered. Keyed by the token's
 * SHA-256, as the database keys sessions.
 */
public final class SessionCache {

    /** How long a look-up is trusted: the delay before another instance's revocation is seen here. */
    public static final Duration FRESHNESS = Duration.ofSeconds(10);

    private static final int MAX_SESSIONS = 10_000;

    private record Entry(User user, OffsetDateTime expiresAt, long generation) {
    }

    private final Cache<ByteBuffer, Entry> entries = Caffeine.newBuilder()
            .maximumSize(MAX_SESSIONS).expireAfterWrite(FRESHNESS).build();
    private final AtomicLong generation = new AtomicLong();

    /** The user of a live session remembered for {@code token}, if there is one. */
    public Optional<User> userOf(String token) {
        Entry entry = entries.getIfPresent(key(token));
        if (entry == null || entry.generation() != generation.get()
                || !entry.expiresAt().isAfter(OffsetDateTime.now())) {
            return Optional.empty();
        }
        return Optional.of(entry.user());
    }

    /** What a look-up must read before it asks the database, and hand to {@link #remember}. */
    public long generation() {
        return generation.get();
    }

    /** A live session the database answered for, looked up when {@link #generation()} was {@code before}. */
    public void remember(String token, User user, OffsetDateTime expiresAt, long before) {
        entries.put(key(token), new Entry(user, expiresAt, before));
    }

    /** Something was revoked and committed: no look-up begun before now is used again. */
    public void revoked() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }

    private static ByteBuffer key(String token) {
        return ByteBuffer.wrap(SessionRepository.hash(token));
    }
}
