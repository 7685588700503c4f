package org.mymoviedb.admin.names;

import java.util.List;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.NamePage;
import org.mymoviedb.admin.api.NameSaved;
import org.mymoviedb.admin.api.UserError;

/** People (directors) for the people screen and the director picker, searched by the server. */
public final class PersonCatalogue implements NameCatalogue {

    private static final int PAGE_SIZE = 100;

    private final CatalogueClient client;

    public PersonCatalogue(CatalogueClient client) {
        this.client = client;
    }

    @Override
    public String kind() {
        return "person";
    }

    @Override
    public NamePage page(String search, String after) {
        return client.people(search, PAGE_SIZE, after);
    }

    @Override
    public NameSaved create(String name) {
        return client.createPerson(name);
    }

    @Override
    public NameSaved rename(String id, String name) {
        return client.renamePerson(id, name);
    }

    @Override
    public boolean deletable() {
        return true;
    }

    /** Deletes the person; movies they directed lose the credit and stay. */
    @Override
    public List<UserError> delete(String id) {
        return client.deletePerson(id);
    }
}
