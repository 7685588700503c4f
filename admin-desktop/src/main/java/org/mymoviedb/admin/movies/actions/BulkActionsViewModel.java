package org.mymoviedb.admin.movies.actions;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.shell.Background;

/**
 * Runs an action on the selected movies (see {@link BulkEditRun}) off the FX thread, counting the movies done as
 * it goes, and hands the summary back when all are done.
 */
public final class BulkActionsViewModel {

    private final CatalogueClient client;
    private final Background background;
    private final IntegerProperty done = new SimpleIntegerProperty();
    private final IntegerProperty total = new SimpleIntegerProperty();
    private final BooleanProperty running = new SimpleBooleanProperty(false);

    public BulkActionsViewModel(CatalogueClient client, Background background) {
        this.client = client;
        this.background = background;
    }

    /** Makes {@code edit} on each of {@code shown}, one transaction each; {@code whenDone} gets the summary. */
    public void apply(BulkEdit edit, List<Movie> shown, Consumer<BulkSummary> whenDone) {
        if (running.get() || shown.isEmpty()) {
            return;
        }
        List<Movie> movies = List.copyOf(shown);
        done.set(0);
        total.set(movies.size());
        running.set(true);
        BulkEditRun run = new BulkEditRun(client, edit);
        background.run(() -> new BulkSummary(edit, run.run(movies, n -> background.publish(() -> done.set(n)))),
                summary -> {
                    running.set(false);
                    whenDone.accept(summary);
                }, () -> running.set(false), null);
    }

    /** Movies done so far in the running action. */
    public IntegerProperty done() {
        return done;
    }

    public IntegerProperty total() {
        return total;
    }

    public BooleanProperty running() {
        return running;
    }
}
