package org.mymoviedb.admin.movies.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.mymoviedb.admin.api.ApiException;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.HistoryEntry;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.api.MovieDraft;
import org.mymoviedb.admin.api.MovieSaved;
import org.mymoviedb.admin.api.UserError;
import org.mymoviedb.admin.movies.actions.BulkOutcome.Result;

/**
 * Makes one bulk edit on each of the selected movies, one {@code updateMovie} (one transaction) per movie, each
 * naming the version it builds on, and sending only the edited field. When someone changed the movie since, the
 * server refuses with CONFLICT and sends the movie as it is now: the edit is worked out again on that and sent
 * once more, unless the colleague's change is one the edit must not build on unseen ({@link BulkEdit#conflictsWith}).
 * So adding a genre never fails because someone changed the runtime, and never undoes a genre they added. Blocking;
 * run it off the FX thread.
 */
public final class BulkEditRun {

    /** Tries per movie: a movie that changes under every one of them is reported as a conflict. */
    static final int ATTEMPTS = 4;

    private final CatalogueClient client;
    private final BulkEdit edit;

    public BulkEditRun(CatalogueClient client, BulkEdit edit) {
        this.client = client;
        this.edit = edit;
    }

    /**
     * Edits each movie in turn, as the list showed it; {@code progress} hears how many are done after each. The
     * server stopping to answer (or the session ending) stops the run: the movies left are reported not tried.
     */
    public List<BulkOutcome> run(List<Movie> shown, IntConsumer progress) {
        List<BulkOutcome> outcomes = new ArrayList<>();
        for (Movie movie : shown) {
            BulkOutcome outcome;
            try {
                outcome = one(movie);
            } catch (ApiException e) {
                outcome = new BulkOutcome(movie.title(), Result.FAILED, e.getMessage(), null);
                outcomes.add(outcome);
                if (e.transientFailure() || e.code().equals(ApiException.UNAUTHENTICATED)) {
                    for (Movie left : shown.subList(outcomes.size(), shown.size())) {
                        outcomes.add(new BulkOutcome(left.title(), Result.NOT_TRIED,
                                "not tried: the run stopped when " + movie.title() + " failed", null));
                    }
                    progress.accept(outcomes.size());
                    return outcomes;
                }
                progress.accept(outcomes.size());
                continue;
            }
            outcomes.add(outcome);
            progress.accept(outcomes.size());
        }
        return outcomes;
    }

    /** One movie's edit: its own transaction, at most {@link #ATTEMPTS} of them when colleagues keep changing it. */
    BulkOutcome one(Movie shown) {
        Movie current = shown;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            MovieDraft draft = edit.applyTo(current);
            if (draft == null) {
                return new BulkOutcome(current.title(), Result.UNCHANGED, edit.alreadySo(), current);
            }
            MovieSaved saved = client.updateMovie(current.id(), current.version(), draft, Set.of(edit.field()));
            if (saved.movie() != null) {
                return new BulkOutcome(saved.movie().title(), Result.CHANGED, edit.done(), saved.movie());
            }
            if (!saved.conflict() || saved.current() == null) {
                return new BulkOutcome(current.title(), Result.FAILED, saved.userErrors().stream()
                        .map(UserError::message).collect(Collectors.joining("; ")), null);
            }
            if (edit.conflictsWith(shown, saved.current())) {
                return new BulkOutcome(saved.current().title(), Result.CONFLICT,
                        theirChange(saved) + "; left as it is", saved.current());
            }
            current = saved.current();
        }
        return new BulkOutcome(current.title(), Result.CONFLICT, "changed by someone else on every try; "
                + "left as it is, try again", current);
    }

    /** "Ann changed its directors to Ridley Scott": who last wrote the field this edit would replace. */
    private String theirChange(MovieSaved saved) {
        String field = edit.field().key();
        String now = String.join(", ", saved.current().directorNames());
        String who = saved.currentHistory().stream().filter(entry -> entry.changed(field))
                .map(HistoryEntry::username).findFirst().orElse("someone else");
        return who + " changed its directors to " + (now.isEmpty() ? "none" : now) + " since the list showed it";
    }
}
