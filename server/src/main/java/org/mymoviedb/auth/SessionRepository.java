package org.mymoviedb.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import static org.mymoviedb.jooq.Tables.APP_USER;
import static org.mymoviedb.jooq.Tables.USER_SESSION;

/** Bearer tokens: 256 random bits handed out once; the database keeps only their SHA-256. */
public final class SessionRepository {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionRepository() {
    }

    /** A new session; the token is returned once and never stored. */
    public record Session(String token, OffsetDateTime expiresAt) {
    }

    public static Session open(DSLContext dsl, long userId, Duration ttl) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime expiresAt = OffsetDateTime.now().plus(ttl);
        dsl.insertInto(USER_SESSION)
                .set(USER_SESSION.TOKEN_HASH, hash(token))
                .set(USER_SESSION.USER_ID, userId)
                .set(USER_SESSION.EXPIRES_AT, expiresAt)
                .execute();
        return new Session(token, expiresAt);
    }

    /** A session that is neither expired nor revoked: whose it is, and until when. */
    public record Live(User user, OffsetDateTime expiresAt) {
    }

    /** The live (unexpired, unrevoked) session of a token. */
    public static Optional<Live> live(DSLContext dsl, String token) {
        return dsl.select(APP_USER.fields()).select(USER_SESSION.EXPIRES_AT)
                .from(USER_SESSION).join(APP_USER).on(APP_USER.ID.eq(USER_SESSION.USER_ID))
                .where(USER_SESSION.TOKEN_HASH.eq(hash(token)))
                .and(USER_SESSION.REVOKED_AT.isNull())
                .and(USER_SESSION.EXPIRES_AT.gt(DSL.currentOffsetDateTime()))
                .fetchOptional(r -> new Live(UserRepository.toUser(r), r.get(USER_SESSION.EXPIRES_AT)));
    }

    /** Revokes a token; returns whether it was live. */
    public static boolean revoke(DSLContext dsl, String token) {
        return dsl.update(USER_SESSION).set(USER_SESSION.REVOKED_AT, DSL.currentOffsetDateTime())
                .where(USER_SESSION.TOKEN_HASH.eq(hash(token))).and(USER_SESSION.REVOKED_AT.isNull())
                .execute() == 1;
    }

    /** Signs an account out everywhere. */
    public static void revokeAll(DSLContext dsl, long userId) {
        dsl.update(USER_SESSION).set(USER_SESSION.REVOKED_AT, DSL.currentOffsetDateTime())
                .where(USER_SESSION.USER_ID.eq(userId)).and(USER_SESSION.REVOKED_AT.isNull()).execute();
    }

    /** Signs an account out everywhere but the session of {@code kept}: a password changed by its owner. */
    public static int revokeAllBut(DSLContext dsl, long userId, String kept) {
        return dsl.update(USER_SESSION).set(USER_SESSION.REVOKED_AT, DSL.currentOffsetDateTime())
                .where(USER_SESSION.USER_ID.eq(userId)).and(USER_SESSION.REVOKED_AT.isNull())
                .and(USER_SESSION.TOKEN_HASH.ne(hash(kept))).execute();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
