package org.mymoviedb.names;

/** A person credited on movies; two people may share a name. */
public record Person(long id, String name) {
}
