package org.mymoviedb.auth;

import java.time.Duration;
import java.util.Optional;
import org.jooq.DSLContext;
import org.mymoviedb.base.UserError;
import org.mymoviedb.history.AuditAction;
import org.mymoviedb.history.AuditLog;
import org.mymoviedb.history.Changes;

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
                Duration wait = wholeSeconds(attempt.retryAfter());
                return new LoginResult(null, null, throttled(wait), wait);
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

    /** What a password change gives: the account, or why not, and for a throttled attempt how long to wait. */
    public record PasswordChange(User user, UserError error, Duration retryAfter) {
    }

    /**
     * Sets {@code user}'s own password once {@code currentPassword} proves it is them, with history; every session
     * of the account but {@code token}'s is revoked, so the one asking stays signed in and any other device that
     * knew the old password is out. Wrong current passwords count against the sign-in throttle: this is no side
     * door for guessing.
     */
    public PasswordChange changePassword(User user, String token, String currentPassword, String newPassword,
                                         String address) {
        String problem = UserAccounts.passwordProblem(newPassword);
        if (problem != null) {
            return new PasswordChange(null, UserError.of("VALIDATION", problem, "newPassword"), Duration.ZERO);
        }
        try (LoginThrottle.Attempt attempt = throttle.begin(user.username(), address)) {
            if (!attempt.allowed()) {
                Duration wait = wholeSeconds(attempt.retryAfter());
                return new PasswordChange(null, throttled(wait), wait);
            }
            String hash = UserRepository.findCredentials(dsl, user.username())
                    .map(UserRepository.Credentials::passwordHash).orElse(null);
            if (!hasher.matches(currentPassword, hash)) {
                attempt.failed();
                return new PasswordChange(null, UserError.of("INVALID_CREDENTIALS", "The current password is wrong",
                        "currentPassword"), Duration.ZERO);
            }
            String newHash = hasher.hash(newPassword);
            dsl.transaction(cfg -> {
                DSLContext tx = cfg.dsl();
                UserRepository.setPasswordHash(tx, user.id(), newHash);
                SessionRepository.revokeAllBut(tx, user.id(), token);
                AuditLog.record(tx, user.author(), AuditAction.UPDATE, "user", user.id(), user.username(),
                        new Changes().compare("password", "(set)", "(changed)"));
            });
            attempt.succeeded();
            sessions.revoked(); // the other sessions are committed as revoked
            return new PasswordChange(user, null, Duration.ZERO);
        }
    }

    private static Duration wholeSeconds(Duration wait) {
        return Duration.ofSeconds(Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    private static UserError throttled(Duration wait) {
        return UserError.of("THROTTLED", "Too many failed sign-ins; try again in " + wait.toSeconds() + " s");
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
