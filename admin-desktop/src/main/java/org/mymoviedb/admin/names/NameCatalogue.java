package org.mymoviedb.admin.names;

import java.util.List;
import org.mymoviedb.admin.api.NamePage;
import org.mymoviedb.admin.api.NameSaved;
import org.mymoviedb.admin.api.UserError;

/** What the genres and people screens need from the API; each implements it over the one client. */
public interface NameCatalogue {

    /** "genre" or "person": in ids, messages and titles. */
    String kind();

    NamePage page(String search, String after);

    NameSaved create(String name);

    NameSaved rename(String id, String name);

    /** False when the API has no way to delete this kind (people). */
    boolean deletable();

    List<UserError> delete(String id);
}
