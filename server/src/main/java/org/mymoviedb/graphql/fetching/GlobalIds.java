package org.mymoviedb.graphql.fetching;

import graphql.schema.DataFetcher;
import org.mymoviedb.auth.User;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.history.AuditEntry;
import org.mymoviedb.movie.Movie;
import org.mymoviedb.names.Genre;
import org.mymoviedb.names.Person;

/** The {@code id} (global) and {@code databaseId} (numeric) fields of every Node type, from its row's id. */
public final class GlobalIds {

    private GlobalIds() {
    }

    /** {@code id}: the source's global id as {@code type}. */
    public static DataFetcher<String> id(NodeType type) {
        return env -> Ids.global(type, databaseId(env.getSource()));
    }

    /** {@code databaseId}: the number, as Int (graphql-java refuses one beyond 32 bits with an error). */
    public static DataFetcher<Long> databaseId() {
        return env -> databaseId(env.getSource());
    }

    /** AuditEntry.entityId: the global id of the entity history names. */
    public static DataFetcher<String> entityId() {
        return env -> {
            AuditEntry entry = env.getSource();
            return Ids.global(NodeType.ofEntityType(entry.entityType()), entry.entityId());
        };
    }

    /** The type a Node's source is, for the Node interface's type resolver; null for anything else. */
    public static NodeType typeOf(Object source) {
        if (source instanceof Movie) {
            return NodeType.MOVIE;
        } else if (source instanceof Genre) {
            return NodeType.GENRE;
        } else if (source instanceof Person) {
            return NodeType.PERSON;
        } else if (source instanceof User) {
            return NodeType.USER;
        } else if (source instanceof AuditEntry) {
            return NodeType.AUDIT_ENTRY;
        }
        return null;
    }

    private static long databaseId(Object source) {
        if (source instanceof Movie movie) {
            return movie.id();
        } else if (source instanceof Genre genre) {
            return genre.id();
        } else if (source instanceof Person person) {
            return person.id();
        } else if (source instanceof User user) {
            return user.id();
        } else if (source instanceof AuditEntry entry) {
            return entry.id();
        }
        throw new IllegalStateException("No id on " + source);
    }
}
