package org.mymoviedb.admin.movies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.api.MovieQuery.MovieOrder;
import org.mymoviedb.admin.shell.AdminSettings;
import org.mymoviedb.admin.support.ViewModelTest;
import org.mymoviedb.auth.Role;

/**
 * The list's newer questions without a window, against a real server: the search box on directors' names, the
 * "no director / rating / runtime" boxes, the runtime and last-change orders, and the remembered hidden columns.
 */
class ListFiltersViewModelTest extends ViewModelTest {

    private static long changedLast;

    @BeforeAll
    static void seed() {
        long kubrick = catalogue.person("Filters Kubrick");
        long full = catalogue.movie("Filters full", LocalDate.of(1968, 4, 2), 90, 149);
        catalogue.credit(full, kubrick, 0);
        catalogue.movie("Filters bare", LocalDate.of(1970, 1, 1), null, null);
        catalogue.movie("Filters unrated", LocalDate.of(1971, 1, 1), null, 88);
        changedLast = catalogue.movie("Filters untimed", LocalDate.of(1972, 1, 1), 40, null);
    }

    private static List<String> titles(MovieListViewModel model) {
        return model.movies().stream().map(Movie::title).toList();
    }

    private MovieListViewModel filters() {
        MovieListViewModel model = new MovieListViewModel(signedInClient(), inline());
        model.search().set("Filters");
        return model;
    }

    @Test
    void theSearchBoxFindsMoviesByTheirDirectorsNameToo() {
        MovieListViewModel model = new MovieListViewModel(signedInClient(), inline());
        model.search().set("kubrick");
        model.reload();
        assertThat(titles(model)).containsExactly("Filters full");
    }

    @Test
    void theNoBoxesAskForTheMoviesThatLackOne() {
        MovieListViewModel model = filters();
        model.noDirector().set(true);
        model.reload();
        assertThat(model.query().hasDirector()).isFalse();
        assertThat(titles(model)).containsExactly("Filters bare", "Filters unrated", "Filters untimed");
        model.noRating().set(true);
        model.reload();
        assertThat(titles(model)).containsExactly("Filters bare", "Filters unrated");
        model.noRuntime().set(true);
        model.reload();
        assertThat(titles(model)).containsExactly("Filters bare");

        model.clearFilters();
        assertThat(model.query().hasDirector()).isNull();
        assertThat(model.query().hasRating()).isNull();
        assertThat(model.query().hasRuntime()).isNull();
    }

    @Test
    void ordersByRuntimeAndByLastChange() {
        MovieListViewModel model = filters();
        model.orderBy(List.of(new MovieOrder("RUNTIME", true)));
        // Unknown runtimes sort as the shortest.
        assertThat(titles(model).subList(0, 2)).containsExactly("Filters full", "Filters unrated");
        assertThat(titles(model).subList(2, 4)).containsExactlyInAnyOrder("Filters bare", "Filters untimed");

        String colleague = server.signedIn("filters_colleague", Role.EDITOR);
        server.queryAs(colleague, "mutation($id: ID!) { updateMovie(id: $id, expectedVersion: 1, input: "
                + "{rating: 41}) { userErrors { code } } }", Map.of("id", String.valueOf(changedLast)));
        model.orderBy(List.of(new MovieOrder("UPDATED_AT", true)));
        assertThat(titles(model).get(0)).isEqualTo("Filters untimed");
        assertThat(model.movies().get(0).updatedAt()).isNotNull();
    }

    @Test
    void hiddenColumnsAreRememberedInTheSettings() throws BackingStoreException {
        Preferences node = Preferences.userRoot().node("mymoviedb-tests/" + UUID.randomUUID());
        try {
            assertThat(new AdminSettings(node).hiddenColumns()).isEmpty();
            new AdminSettings(node).hiddenColumns(Set.of("columnRuntime", "columnChanged"));
            assertThat(new AdminSettings(node).hiddenColumns()).containsExactly("columnChanged", "columnRuntime");
        } finally {
            node.removeNode();
        }
    }
}
