package org.mymoviedb.auth;

import java.time.OffsetDateTime;
import org.mymoviedb.history.Author;

/** An account: who signs in, and with which role. Never carries the password hash. */
public record User(long id, String username, Role role, OffsetDateTime createdAt) {

    /** This account as history names the author of its writes. */
    public Author author() {
        return new Author(id, username);
    }

    /** Who history says wrote: {@code user}, or the command line when null. */
    public static Author authorOf(User user) {
        return user == null ? Author.COMMAND_LINE : user.author();
    }
}
