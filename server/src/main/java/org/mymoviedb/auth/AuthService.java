package org.mymoviedb.auth;

import java.time.Duration;
import java.util.Optional;
import org.jooq.DSLContext;
import org.mymoviedb.base.UserError;

/** Signing in and out: password checks, throttling, sessions (looked up through the {@link SessionCache}). */
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
    private final SessionCache sessions;

    public AuthService(DSLContext dsl, PasswordHasher hasher, LoginThrottle throttle, Duration sessionTtl,
                       SessionCache sessions) {
        this.dsl = dsl;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessionTtl = sessionTtl;
        this.sessions = sessions;
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
        if (token == null) {
            return false;
        }
        boolean revoked = SessionRepository.revoke(dsl, token);
        sessions.revoked();
        return revoked;
    }

    /** The user of a live session this instance remembers, without asking the database; empty if none. */
    public Optional<User> rememberedUserOf(String token) {
        return sessions.userOf(token);
    }

    /** The user of a live session, asking the database (and remembering the answer). */
    public Optional<User> userOf(String token) {
        long generation = sessions.generation();
        Optional<SessionRepository.Live> live = SessionRepository.live(dsl, token);
        live.ifPresent(l -> sessions.remember(token, l.user(), l.expiresAt(), generation));
        return live.map(SessionRepository.Live::user);
    }
}
