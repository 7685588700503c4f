package org.mymoviedb.graphql.fetching;

import static org.assertj.core.api.Assertions.assertThat;

import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;

/** A request's registry creates a DataLoader only when a fetcher asks for it: a planned query creates none. */
class LoadersTest {

    // Nothing is loaded here, so the loaders need no repository or executor.
    private final Loaders loaders = new Loaders(null, null, null);

    @Test
    void aFreshRegistryHoldsNoLoader() {
        DataLoaderRegistry registry = loaders.newRegistry();

        assertThat(registry.getKeys()).isEmpty();
        assertThat(registry.getDataLoaders()).isEmpty();
    }

    @Test
    void eachLoaderIsCreatedOnceOnFirstAsk() {
        DataLoaderRegistry registry = loaders.newRegistry();

        var genres = registry.getDataLoader(Loaders.GENRES_BY_MOVIE);

        assertThat(genres).isNotNull();
        assertThat(registry.<Object, Object>getDataLoader(Loaders.GENRES_BY_MOVIE)).isSameAs(genres);
        assertThat(registry.getKeys()).containsExactly(Loaders.GENRES_BY_MOVIE);
        assertThat(registry.getDataLoader(Loaders.DIRECTORS_BY_MOVIE)).isNotNull().isNotSameAs(genres);
        assertThat(registry.getDataLoaders()).hasSize(2);
        assertThat(registry.getDataLoader("noSuchLoader")).isNull();
    }
}
