package org.mymoviedb.auth;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Who is calling, for one request: the bearer token it carried and the client's address. The token is looked up
 * at most once, and only if a field needs to know.
 */
public final class Viewer {

    /** The key under which each request's GraphQLContext holds its Viewer. */
    public static final String KEY = Viewer.class.getName();

    private final String token;
    private final String address;
    private final Function<String, CompletableFuture<Optional<User>>> lookup;
    private CompletableFuture<Optional<User>> user;

    public Viewer(String token, String address, Function<String, CompletableFuture<Optional<User>>> lookup) {
        this.token = token;
        this.address = address;
        this.lookup = lookup;
    }

    /** The signed-in user; empty for anonymous callers and for expired, revoked or unknown tokens. */
    public synchronized CompletableFuture<Optional<User>> user() {
        if (user == null) {
            user = token == null ? CompletableFuture.completedFuture(Optional.empty()) : lookup.apply(token);
        }
        return user;
    }

    /** The bearer token, or null. */
    public String token() {
        return token;
    }

    /** The client's IP address, for throttling sign-ins. */
    public String address() {
        return address;
    }
}
