package org.mymoviedb.admin.movieform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.mymoviedb.admin.api.Movie;

/**
 * The movie forms open at once, one window per movie: opening a movie whose form is open brings that window to
 * the front instead of a second form for it. New movies each get a form of their own; once saved, a form counts
 * as that movie's.
 */
public final class OpenForms {

    private final List<MovieFormView> open = new ArrayList<>();

    /** Shows {@code movie}'s open form, or opens the one {@code form} makes (a new movie's when null). */
    public MovieFormView open(Movie movie, Supplier<MovieFormView> form) {
        if (movie != null) {
            for (MovieFormView view : open) {
                Movie editing = view.model().editing().get();
                if (editing != null && editing.id().equals(movie.id())) {
                    view.toFront();
                    return view;
                }
            }
        }
        MovieFormView view = form.get();
        open.add(view);
        view.stage().setOnHidden(e -> open.remove(view));
        view.show();
        return view;
    }

    /**
     * Closes every form through its own unsaved-changes question, one after the other; true when all closed,
     * false as soon as the editor keeps one open (the others asked before it are closed, the rest stay).
     */
    public boolean closeAll() {
        for (MovieFormView view : List.copyOf(open)) {
            if (!view.closeUnlessKept()) {
                view.toFront();
                return false;
            }
        }
        return true;
    }

    /** The open forms by the movie each edits (a new movie's form is left out until saved), oldest first. */
    public Map<String, MovieFormView> byMovieId() {
        Map<String, MovieFormView> forms = new LinkedHashMap<>();
        for (MovieFormView view : open) {
            Movie editing = view.model().editing().get();
            if (editing != null) {
                forms.put(editing.id(), view);
            }
        }
        return forms;
    }

    public int count() {
        return open.size();
    }
}
