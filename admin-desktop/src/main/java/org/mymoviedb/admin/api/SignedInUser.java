package org.mymoviedb.admin.api;

/** Who the session belongs to. */
public record SignedInUser(String username, String role) {
}
