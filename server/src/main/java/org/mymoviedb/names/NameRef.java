package org.mymoviedb.names;

/**
 * A genre or person named in a movie write, as the editor gave it: by id or by name, exactly one of them.
 *
 * @param id   the entry's public id, or null
 * @param name the entry's name in any case, or null
 */
public record NameRef(String id, String name) {

    /** A reference that passed its checks: where it stood in the list, and its database id or its clean name. */
    public record Checked(int index, Long id, String name) {
    }
}
