package org.mymoviedb.admin.names;

import java.util.List;
import java.util.Locale;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.NamePage;
import org.mymoviedb.admin.api.NameSaved;
import org.mymoviedb.admin.api.UserError;

/** Genres for the genres screen and the genre picker. */
public final class GenreCatalogue implements NameCatalogue {

    private final CatalogueClient client;

    public GenreCatalogue(CatalogueClient client) {
        this.client = client;
    }

    @Override
    public String kind() {
        return "genre";
    }

    /** The API lists every genre at once (there are few), so searching happens here. */
    @Override
    public NamePage page(String search, String after) {
        String needle = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        return new NamePage(client.genres().stream()
                .filter(g -> g.name().toLowerCase(Locale.ROOT).contains(needle)).toList(), false, null);
    }

    @Override
    public NameSaved create(String name) {
        return client.createGenre(name);
    }

    @Override
    public NameSaved rename(String id, String name) {
        return client.renameGenre(id, name);
    }

    @Override
    public boolean deletable() {
        return true;
    }

    @Override
    public List<UserError> delete(String id) {
        return client.deleteGenre(id);
    }
}
