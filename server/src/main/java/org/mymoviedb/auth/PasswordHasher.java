package org.mymoviedb.auth;

import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashes (Spring Security Crypto over Bouncy Castle), with OWASP's minimum parameters: 19 MiB,
 * 2 iterations, 1 lane, a 16-byte salt and a 32-byte hash, in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), which is also what Password4j wrote before: a stored hash
 * carries its own parameters and is checked with them. Each check allocates its 19 MiB and lets it go (Password4j
 * kept a zeroed copy of them on the heap for the life of the process). Checking an unknown user costs the same as
 * checking a known one.
 */
public final class PasswordHasher {

    private static final Argon2PasswordEncoder ARGON2ID = new Argon2PasswordEncoder(16, 32, 1, 19_456, 2);

    /** A real hash of nothing anyone knows, checked when the username does not exist. */
    private final String decoy = hash(UUID.randomUUID().toString());
    private final LongAdder checks = new LongAdder();

    /** How many passwords this hasher has checked: what the sign-in throttle bounds. */
    public long checks() {
        return checks.sum();
    }

    public String hash(String password) {
        return ARGON2ID.encode(password);
    }

    /** Whether {@code password} matches {@code hash}; pass null for an unknown user (the answer is then false). */
    public boolean matches(String password, String hash) {
        checks.increment();
        boolean known = hash != null;
        boolean matches = ARGON2ID.matches(password, known ? hash : decoy);
        return known && matches;
    }
}
