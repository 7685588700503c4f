package org.mymoviedb.admin.api;

/** An account as the users screen lists it; {@code role} is "EDITOR" or "ADMIN". */
public record UserAccount(String id, String username, String role, String createdAt) {
}
