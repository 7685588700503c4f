package org.mymoviedb.admin.api;

/** A genre or a person: an id and the name editors know it by. */
public record NamedRef(String id, String name) {
}
