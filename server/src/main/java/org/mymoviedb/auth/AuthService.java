package org.mymoviedb.auth;

import java.time.Duration;
import java.util.Optional;
import org.jooq.DSLContext;
import org.mymoviedb.base.UserError;

/** Signing in and out: password checks, throttling, sessions. */
public final class AuthService {

    /**
     * What a sign-in attempt gives: a session, or a reason that says nothing about which part was wrong, and for a
     * throttled attempt how long to wait (zero otherwise).
     */
    public record LoginResult(SessionRepository.Session session, User user, UserError error, Duration retryAfter) {
    }

    private final DSLContext dsl;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Duration sessionTtl;

    public AuthService(DSLContext dsl, PasswordHasher hasher, LoginThrottle throttle, Duration sessionTtl) {
        this.dsl = dsl;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessionTtl = sessionTtl;
    }

    public LoginResult login(String username, String password, String address) {
        try (LoginThrottle.Attempt attempt = throttle.begin(username, address)) {
            if (!attempt.allowed()) {
                long seconds = Math.max(1, (attempt.retryAfter().toMillis() + 999) / 1000);
                return new LoginResult(null, null, UserError.of("THROTTLED",
                        "Too many failed sign-ins; try again in " + seconds + " s"), Duration.ofSeconds(seconds));
            }
            Optional<UserRepository.Credentials> credentials = UserRepository.findCredentials(dsl, username);
            // Always one Argon2 check, known user or not: the answer's timing says nothing about the username.
            boolean ok = hasher.matches(password,
                    credentials.map(UserRepository.Credentials::passwordHash).orElse(null));
            if (!ok) {
                attempt.failed();
                return new LoginResult(null, null, UserError.of("INVALID_CREDENTIALS",
                        "Wrong username or password"), Duration.ZERO);
            }
            User user = credentials.get().user();
            SessionRepository.Session session = SessionRepository.open(dsl, user.id(), sessionTtl);
            attempt.succeeded();
            return new LoginResult(session, user, null, Duration.ZERO);
        }
    }

    public boolean logout(String token) {
        return token != null && SessionRepository.revoke(dsl, token);
    }

    public Optional<User> userOf(String token) {
        return SessionRepository.userOf(dsl, token);
    }
}
