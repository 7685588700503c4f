package org.mymoviedb.admin.movies;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import org.mymoviedb.admin.api.CatalogueChange;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.api.MovieQuery;
import org.mymoviedb.admin.api.MovieQuery.MovieOrder;
import org.mymoviedb.admin.shell.Background;

/**
 * Keeps the loaded rows true to what other editors do, without a reload: a changed movie is updated where it
 * stands, one that now matches the search and filters appears where it sorts (if that is among the loaded
 * rows), one deleted or no longer matching goes, and the count follows. Whether a movie matches is the server's
 * answer (the list's own filter, narrowed to that movie), never a second copy of the filter rules here.
 */
public final class LiveRows {

    /** Movies asked about in one go: as many as the server's `ids` filter takes. */
    static final int BATCH = 100;
    /** More changed movies than this waiting (a bulk import, say): reading the list afresh is cheaper. */
    static final int MOST_WAITING = 1_000;

    /** Where some movies stand in the list as the server now sees it: those that match, and the list's count. */
    private record Standing(List<String> asked, Map<String, Movie> matching, int totalCount) {
    }

    private final MovieListViewModel model;
    private final CatalogueClient client;
    private final Background background;
    private final Consumer<Runnable> keepingSelection;
    /** Changed movies not asked about yet, in the order heard; touched on the FX thread only. */
    private final Set<String> waiting = new LinkedHashSet<>();
    /** One question at a time: changes heard meanwhile wait and go together in the next. */
    private boolean asking;

    /**
     * @param keepingSelection runs a change to the rows so the selection stays on the same movies (the view's)
     */
    public LiveRows(MovieListViewModel model, CatalogueClient client, Background background,
                    Consumer<Runnable> keepingSelection) {
        this.model = model;
        this.client = client;
        this.background = background;
        this.keepingSelection = keepingSelection;
    }

    /** Brings the rows up to {@code change}; changes to anything but a movie are not the list's. */
    public void heard(CatalogueChange change) {
        if (!change.isMovie() || change.entityId() == null) {
            return;
        }
        waiting.add(change.entityId());
        if (waiting.size() > MOST_WAITING) {
            waiting.clear();
            model.reload();
            return;
        }
        askNext();
    }

    private void askNext() {
        if (asking || waiting.isEmpty()) {
            return;
        }
        List<String> ids = waiting.stream().limit(BATCH).toList();
        waiting.removeAll(ids);
        MovieQuery query = model.query();
        asking = true;
        // Failures stay quiet: the next change, or a reload, brings the rows up to date; no banner for news.
        background.run(() -> standing(query, ids), standing -> {
            asking = false;
            if (query.equals(model.query())) {
                keepingSelection.accept(() -> apply(standing));
            }
            askNext();
        }, failed -> {
            asking = false;
            askNext();
        });
    }

    private Standing standing(MovieQuery query, List<String> ids) {
        Map<String, Movie> matching = new HashMap<>();
        client.movies(query, ids.size(), null, ids).movies().forEach(movie -> matching.put(movie.id(), movie));
        int total = client.movies(query, 0, null).totalCount();
        return new Standing(ids, matching, total);
    }

    private void apply(Standing standing) {
        for (String id : standing.asked()) {
            apply(id, standing.matching().get(id));
        }
        model.totalCount().set(standing.totalCount());
    }

    private void apply(String id, Movie now) {
        ObservableList<Movie> rows = model.movies();
        int shown = indexOf(rows, id);
        if (now == null && shown >= 0) {
            rows.remove(shown);
        } else if (now != null && shown >= 0) {
            // An older answer that lands after a newer one never undoes it.
            if (rows.get(shown).version() <= now.version()) {
                rows.set(shown, now);
            }
        } else if (now != null) {
            int at = place(rows, now, model.orderBy());
            // Beyond the last loaded row while more pages remain: the next page brings it.
            if (at < rows.size() || !model.hasMore().get()) {
                rows.add(at, now);
            }
        }
    }

    private static int indexOf(List<Movie> rows, String id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Where {@code movie} sorts among {@code rows}: after every row it does not sort before. */
    static int place(List<Movie> rows, Movie movie, List<MovieOrder> orderBy) {
        Comparator<Movie> order = comparator(orderBy);
        for (int i = 0; i < rows.size(); i++) {
            if (order.compare(movie, rows.get(i)) < 0) {
                return i;
            }
        }
        return rows.size();
    }

    /**
     * The list's order as far as a row shows it, for {@code compare(movie just changed, row)}; a time the row
     * does not carry (changed, added) puts the movie just changed first or last, since it is the newest.
     */
    private static Comparator<Movie> comparator(List<MovieOrder> orderBy) {
        List<MovieOrder> keys = orderBy.isEmpty() ? List.of(new MovieOrder("TITLE", false)) : orderBy;
        Comparator<Movie> order = null;
        for (MovieOrder key : keys) {
            Comparator<Movie> one = switch (key.field()) {
                case "TITLE" -> Comparator.comparing(Movie::title, String.CASE_INSENSITIVE_ORDER);
                case "RELEASE_DATE" -> Comparator.comparing(Movie::releaseDate);
                case "RATING" -> Comparator.comparing(Movie::rating, Comparator.nullsFirst(Comparator.naturalOrder()));
                case "RUNTIME" -> Comparator.comparing(Movie::runtimeMinutes,
                        Comparator.nullsFirst(Comparator.naturalOrder()));
                default -> null;
            };
            if (one == null) {
                int newest = key.descending() ? -1 : 1;
                one = (movie, row) -> newest;
            } else if (key.descending()) {
                one = one.reversed();
            }
            order = order == null ? one : order.thenComparing(one);
        }
        return order;
    }
}
