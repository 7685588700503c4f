package org.mymoviedb.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes (Password4j), with OWASP's minimum parameters: 19 MiB, 2 iterations, 1 lane.
 * Checking an unknown user costs the same as checking a known one.
 */
public final class PasswordHasher {

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    /** A real hash of nothing anyone knows, checked when the username does not exist. */
    private final String decoy = hash(java.util.UUID.randomUUID().toString());
    private final java.util.concurrent.atomic.LongAdder checks = new java.util.concurrent.atomic.LongAdder();

    /** How many passwords this hasher has checked: what the sign-in throttle bounds. */
    public long checks() {
        return checks.sum();
    }

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    /** Whether {@code password} matches {@code hash}; pass null for an unknown user (the answer is then false). */
    public boolean matches(String password, String hash) {
        checks.increment();
        boolean known = hash != null;
        String stored = known ? hash : decoy;
        boolean matches = Password.check(password, stored).with(Argon2Function.getInstanceFromHash(stored));
        return known && matches;
    }
}
