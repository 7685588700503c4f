package org.mymoviedb.graphql.auth;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.mymoviedb.auth.AuthService;
import org.mymoviedb.auth.Role;
import org.mymoviedb.auth.User;
import org.mymoviedb.auth.UserAccounts;
import org.mymoviedb.auth.UserRepository;
import org.mymoviedb.auth.Viewer;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.base.UserError;
import org.mymoviedb.data.DatabaseExecutor;
import org.mymoviedb.graphql.fetching.RetryAfter;
import org.mymoviedb.graphql.fetching.DeletePayload;

/** login, logout, changePassword, me, users and the account mutations. */
public final class AuthFetchers {

    /** LoginPayload */
    public record LoginPayload(String token, java.time.OffsetDateTime expiresAt, User user, List<UserError> userErrors) {
    }

    /** LogoutPayload */
    public record LogoutPayload(boolean revoked) {
    }

    /** UserPayload */
    public record UserPayload(User user, List<UserError> userErrors) {

        static UserPayload refused(List<UserError> errors, Object current) {
            return new UserPayload(null, errors);
        }
    }

    private final AuthService auth;
    private final UserAccounts accounts;
    private final org.jooq.DSLContext dsl;
    private final DatabaseExecutor executor;

    public AuthFetchers(AuthService auth, UserAccounts accounts, org.jooq.DSLContext dsl, DatabaseExecutor executor) {
        this.auth = auth;
        this.accounts = accounts;
        this.dsl = dsl;
        this.executor = executor;
    }

    /** Mutation.login */
    public CompletableFuture<LoginPayload> login(DataFetchingEnvironment env) {
        String username = env.getArgument("username");
        String password = env.getArgument("password");
        Viewer viewer = env.getGraphQlContext().get(Viewer.KEY);
        return executor.supply(() -> {
            AuthService.LoginResult result = auth.login(username, password, viewer.address());
            if (result.error() != null) {
                if (!result.retryAfter().isZero()) {
                    RetryAfter.ask(env.getGraphQlContext(), result.retryAfter().toSeconds());
                }
                return new LoginPayload(null, null, null, List.of(result.error()));
            }
            return new LoginPayload(result.session().token(), result.session().expiresAt(), result.user(), List.of());
        });
    }

    /** ChangePasswordPayload */
    public record ChangePasswordPayload(User user, List<UserError> userErrors) {
    }

    /** Mutation.changePassword: the session that asks stays signed in. */
    public CompletableFuture<ChangePasswordPayload> changePassword(DataFetchingEnvironment env) {
        String current = env.getArgument("currentPassword");
        String next = env.getArgument("newPassword");
        Viewer viewer = env.getGraphQlContext().get(Viewer.KEY);
        return Actor.write(env, executor, user -> {
            AuthService.PasswordChange change = auth.changePassword(user, viewer.token(), current, next,
                    viewer.address());
            if (!change.retryAfter().isZero()) {
                RetryAfter.ask(env.getGraphQlContext(), change.retryAfter().toSeconds());
            }
            return new ChangePasswordPayload(change.user(),
                    change.error() == null ? List.of() : List.of(change.error()));
        }, (errors, refusedOver) -> new ChangePasswordPayload(null, errors));
    }

    /** Mutation.logout */
    public CompletableFuture<LogoutPayload> logout(DataFetchingEnvironment env) {
        Viewer viewer = env.getGraphQlContext().get(Viewer.KEY);
        return executor.supply(() -> new LogoutPayload(auth.logout(viewer.token())));
    }

    /** Query.me */
    public CompletableFuture<User> me(DataFetchingEnvironment env) {
        Viewer viewer = env.getGraphQlContext().get(Viewer.KEY);
        return viewer.user().thenApply(user -> user.orElse(null));
    }

    /** Query.users */
    public CompletableFuture<List<User>> users(DataFetchingEnvironment env) {
        return executor.supply(() -> UserRepository.all(dsl));
    }

    /** Mutation.createUser */
    public CompletableFuture<UserPayload> createUser(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        return Actor.write(env, executor, actor -> new UserPayload(accounts.create(actor,
                (String) input.get("username"), (String) input.get("password"),
                Role.valueOf((String) input.get("role"))), List.of()), UserPayload::refused);
    }

    /** Mutation.updateUser */
    public CompletableFuture<UserPayload> updateUser(DataFetchingEnvironment env) {
        long id = Ids.parse(env.getArgument("id"), NodeType.USER);
        String role = env.getArgument("role");
        String password = env.getArgument("password");
        return Actor.write(env, executor, actor -> new UserPayload(
                accounts.update(actor, id, role == null ? null : Role.valueOf(role), password), List.of()),
                UserPayload::refused);
    }

    /** Mutation.deleteUser */
    public CompletableFuture<DeletePayload> deleteUser(DataFetchingEnvironment env) {
        long id = Ids.parse(env.getArgument("id"), NodeType.USER);
        return Actor.write(env, executor, actor -> {
            accounts.delete(actor, id);
            return DeletePayload.deleted(NodeType.USER, id);
        }, DeletePayload::refused);
    }

    /**
     * Who a token belongs to: a session this instance remembers at once, else looked up on a database thread.
     * The Viewer calls this at most once per request.
     */
    public CompletableFuture<Optional<User>> lookup(String token) {
        Optional<User> remembered = auth.rememberedUserOf(token);
        return remembered.isPresent() ? CompletableFuture.completedFuture(remembered)
                : executor.supply(() -> auth.userOf(token));
    }
}
