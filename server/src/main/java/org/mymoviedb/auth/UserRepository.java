package org.mymoviedb.auth;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import static org.mymoviedb.jooq.Tables.APP_USER;

/** Reads and creates accounts. */
public final class UserRepository {

    private UserRepository() {
    }

    /** A user and their password hash, for signing in. */
    public record Credentials(User user, String passwordHash) {
    }

    public static Optional<Credentials> findCredentials(DSLContext dsl, String username) {
        return dsl.selectFrom(APP_USER).where(DSL.lower(APP_USER.USERNAME).eq(username.toLowerCase()))
                .fetchOptional(r -> new Credentials(toUser(r), r.getPasswordHash()));
    }

    public static List<User> all(DSLContext dsl) {
        return dsl.selectFrom(APP_USER).orderBy(DSL.lower(APP_USER.USERNAME)).fetch(UserRepository::toUser);
    }

    public static Optional<User> findById(DSLContext dsl, long id) {
        return dsl.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).fetchOptional(UserRepository::toUser);
    }

    /** The accounts among {@code ids} that exist, by id: one statement. */
    public static Map<Long, User> byIds(DSLContext dsl, Collection<Long> ids) {
        return dsl.selectFrom(APP_USER).where(APP_USER.ID.eq(DSL.any(ids.toArray(Long[]::new))))
                .fetchMap(r -> r.getId(), UserRepository::toUser);
    }

    public static User insert(DSLContext dsl, String username, String passwordHash, Role role) {
        return toUser(dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.ROLE, role.dbValue())
                .returning().fetchOne());
    }

    public static void setRole(DSLContext dsl, long id, Role role) {
        dsl.update(APP_USER).set(APP_USER.ROLE, role.dbValue()).where(APP_USER.ID.eq(id)).execute();
    }

    public static void setPasswordHash(DSLContext dsl, long id, String hash) {
        dsl.update(APP_USER).set(APP_USER.PASSWORD_HASH, hash).where(APP_USER.ID.eq(id)).execute();
    }

    public static void delete(DSLContext dsl, long id) {
        dsl.deleteFrom(APP_USER).where(APP_USER.ID.eq(id)).execute();
    }

    static User toUser(Record r) {
        return new User(r.get(APP_USER.ID), r.get(APP_USER.USERNAME), Role.fromDb(r.get(APP_USER.ROLE)),
                r.get(APP_USER.CREATED_AT));
    }
}
