package org.mymoviedb.auth;

import java.util.Locale;

/** What a user may do; each role includes the ones before it. */
public enum Role {
    EDITOR,
    ADMIN;

    /** Whether a user with this role may do what {@code required} allows. */
    public boolean includes(Role required) {
        return compareTo(required) >= 0;
    }

    /** The value stored in app_user.role. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
