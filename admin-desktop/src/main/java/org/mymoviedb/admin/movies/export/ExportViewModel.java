package org.mymoviedb.admin.movies.export;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.MovieQuery;
import org.mymoviedb.admin.shell.Background;

/** One CSV export at a time: how far it is, a Cancel that stops it between pages, and what came of it. */
public final class ExportViewModel {

    private final CatalogueClient client;
    private final Background background;
    private final IntegerProperty written = new SimpleIntegerProperty();
    private final IntegerProperty total = new SimpleIntegerProperty();
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty outcome = new SimpleStringProperty("");
    private AtomicBoolean cancelled = new AtomicBoolean();

    public ExportViewModel(CatalogueClient client, Background background) {
        this.client = client;
        this.background = background;
    }

    /** Exports every movie {@code query} matches, in its order, to {@code target}. */
    public void start(MovieQuery query, Path target) {
        if (running.get()) {
            return;
        }
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        written.set(0);
        total.set(0);
        outcome.set("");
        running.set(true);
        MovieExport export = new MovieExport(client);
        background.run(() -> export.run(query, target, progress -> background.publish(() -> {
            written.set(progress.written());
            total.set(progress.total());
        }), stop::get), progress -> {
            running.set(false);
            written.set(progress.written());
            outcome.set(progress.cancelled()
                    ? String.format("Cancelled after %,d of %,d movies; %s was not written.", progress.written(),
                    progress.total(), target.getFileName())
                    : String.format("Exported %,d %s to %s.", progress.written(),
                    progress.written() == 1 ? "movie" : "movies", target));
        }, () -> {
            running.set(false);
            outcome.set("The export stopped; " + target.getFileName() + " was not written.");
        }, null);
    }

    /** Stops the running export before its next page; the file is not written. */
    public void cancel() {
        cancelled.set(true);
    }

    /** "1,200 of 3,191 movies written". */
    public String progressText() {
        return String.format("%,d of %,d movies written", written.get(), total.get());
    }

    public IntegerProperty written() {
        return written;
    }

    public IntegerProperty total() {
        return total;
    }

    public BooleanProperty running() {
        return running;
    }

    /** What came of the last export, in words; "" while none has ended. */
    public StringProperty outcome() {
        return outcome;
    }
}
