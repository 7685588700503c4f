package org.mymoviedb.base;

/** The kinds of object a global id can name, each by its GraphQL type name. */
public enum NodeType {
    MOVIE("Movie"),
    GENRE("Genre"),
    PERSON("Person"),
    USER("User"),
    AUDIT_ENTRY("AuditEntry");

    private final String typeName;

    NodeType(String typeName) {
        this.typeName = typeName;
    }

    /** The GraphQL type, as a global id spells it. */
    public String typeName() {
        return typeName;
    }

    /** The type of history's entity type ("movie", "genre", "person", "user"). */
    public static NodeType ofEntityType(String entityType) {
        return valueOf(entityType.toUpperCase(java.util.Locale.ROOT));
    }

    /** The type spelled {@code typeName}, or null. */
    static NodeType named(String typeName) {
        for (NodeType type : values()) {
            if (type.typeName.equals(typeName)) {
                return type;
            }
        }
        return null;
    }
}
