package org.mymoviedb.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.mymoviedb.base.UserError;
import org.mymoviedb.base.UserErrorsException;
import org.mymoviedb.history.AuditAction;
import org.mymoviedb.history.AuditLog;
import org.mymoviedb.history.Changes;

/** Creates accounts, from the createUser mutation and from the command line alike. */
public final class UserAccounts {

    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.@+-]{1,150}");

    private final DSLContext dsl;
    private final PasswordHasher hasher;
    private final SessionCache sessions;

    /** For the command line, where no sessions are looked up. */
    public UserAccounts(DSLContext dsl, PasswordHasher hasher) {
        this(dsl, hasher, new SessionCache());
    }

    /** {@code sessions}: told of every revocation (a new password, a role change, a removed account). */
    public UserAccounts(DSLContext dsl, PasswordHasher hasher, SessionCache sessions) {
        this.dsl = dsl;
        this.hasher = hasher;
        this.sessions = sessions;
    }

    /**
     * Changes a role and/or password, with history (never the password itself); a new password revokes the
     * account's sessions.
     */
    public User update(User actor, long id, Role role, String password) {
        String passwordProblem = password == null ? null : passwordProblem(password);
        if (passwordProblem != null) {
            throw UserErrorsException.of("VALIDATION", passwordProblem, "password");
        }
        String hash = password == null ? null : hasher.hash(password);
        User updated = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            User before = UserRepository.findById(tx, id).orElseThrow(
                    () -> UserErrorsException.of("NOT_FOUND", "There is no account with ID " + id, "id"));
            Changes changes = new Changes();
            if (role != null && role != before.role()) {
                if (actor != null && actor.id() == id) {
                    throw UserErrorsException.of("VALIDATION", "You cannot change your own role", "role");
                }
                UserRepository.setRole(tx, id, role);
                changes.compare("role", before.role().name(), role.name());
            }
            if (hash != null) {
                UserRepository.setPasswordHash(tx, id, hash);
                SessionRepository.revokeAll(tx, id);
                changes.compare("password", "(set)", "(changed)");
            }
            if (!changes.isEmpty()) {
                AuditLog.record(tx, User.authorOf(actor), AuditAction.UPDATE, "user", id, before.username(), changes);
            }
            return UserRepository.findById(tx, id).orElseThrow();
        });
        sessions.revoked(); // a role or password changed, and is committed
        return updated;
    }

    /** Removes an account; its sessions go with it, its history stays under its username. */
    public void delete(User actor, long id) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            if (actor != null && actor.id() == id) {
                throw UserErrorsException.of("VALIDATION", "You cannot remove your own account", "id");
            }
            User user = UserRepository.findById(tx, id).orElseThrow(
                    () -> UserErrorsException.of("NOT_FOUND", "There is no account with ID " + id, "id"));
            UserRepository.delete(tx, id);
            AuditLog.record(tx, User.authorOf(actor), AuditAction.DELETE, "user", id, user.username(),
                    new Changes().compare("username", user.username(), null).compare("role", user.role().name(), null));
        });
        sessions.revoked(); // its sessions went with it
    }

    /** What is wrong with {@code password} as a new password, or null: every path that sets one asks here. */
    public static String passwordProblem(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return "A password needs at least " + MIN_PASSWORD_LENGTH + " characters";
        }
        if (password.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            return "A password cannot be only spaces or other blank characters";
        }
        return null;
    }

    /**
     * Creates an account in one transaction with its history entry; {@code actor} null means the command line.
     *
     * @throws UserErrorsException for a bad username or password, or a username already taken (any case)
     */
    public User create(User actor, String username, String password, Role role) {
        List<UserError> errors = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            errors.add(UserError.of("VALIDATION",
                    "A username is 1 to 150 letters, digits and _ . @ + -", "input", "username"));
        }
        String passwordProblem = passwordProblem(password);
        if (passwordProblem != null) {
            errors.add(UserError.of("VALIDATION", passwordProblem, "input", "password"));
        }
        if (!errors.isEmpty()) {
            throw new UserErrorsException(errors);
        }
        String hash = hasher.hash(password);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            if (UserRepository.findCredentials(tx, username).isPresent()) {
                throw UserErrorsException.of("DUPLICATE", "The username " + username + " is taken", "input", "username");
            }
            User user = UserRepository.insert(tx, username, hash, role);
            AuditLog.record(tx, User.authorOf(actor), AuditAction.CREATE, "user", user.id(), user.username(),
                    new Changes().compare("username", null, user.username()).compare("role", null, role.name()));
            return user;
        });
    }
}
