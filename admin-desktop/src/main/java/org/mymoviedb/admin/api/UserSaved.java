package org.mymoviedb.admin.api;

import java.util.List;

/** What an account mutation answered: the account as saved (null if refused) and the problems. */
public record UserSaved(UserAccount user, List<UserError> userErrors) {
}
