package org.mymoviedb.names;

/** A genre or a person as a write leaves it: its id and its name, trimmed. */
public record NamedEntry(long id, String name) {
}
