package org.mymoviedb.history;

/**
 * Who history says made a write: a signed-in account, or a command standing where a username would
 * ({@code (command line)}, {@code import:vega-movies.json}) with no account linked.
 *
 * @param userId the account's id, or null for a command
 * @param name   the username, or the command's name
 */
public record Author(Long userId, String name) {

    /** A write from the command line rather than a signed-in user. */
    public static final Author COMMAND_LINE = new Author(null, "(command line)");

    /** A write by the command named {@code name}. */
    public static Author command(String name) {
        return new Author(null, name);
    }
}
