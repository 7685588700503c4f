package org.mymoviedb.auth;

import java.time.OffsetDateTime;

/** An account: who signs in, and with which role. Never carries the password hash. */
public record User(long id, String username, Role role, OffsetDateTime createdAt) {
}
