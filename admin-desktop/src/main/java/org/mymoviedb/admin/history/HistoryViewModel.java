package org.mymoviedb.admin.history;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.HistoryEntry;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.shell.Background;
import org.mymoviedb.admin.shell.LatestOnly;

/** The history of the movie selected in the list: who changed what, and when, newest first. */
public final class HistoryViewModel {

    private final CatalogueClient client;
    private final Background background;
    private final ObservableList<HistoryEntry> entries = FXCollections.observableArrayList();
    private final StringProperty heading = new SimpleStringProperty("Select one movie to see its history");
    private Movie shown;
    /** Another movie selected meanwhile: the slower answer about the one before is not shown under its name. */
    private final LatestOnly latest = new LatestOnly();

    public HistoryViewModel(CatalogueClient client, Background background) {
        this.client = client;
        this.background = background;
    }

    /** Shows {@code movie}'s history; null clears the panel. */
    public void show(Movie movie) {
        shown = movie;
        entries.clear();
        if (movie == null) {
            latest.supersede();
            heading.set("Select one movie to see its history");
            return;
        }
        heading.set("History of " + movie.title());
        background.run(() -> client.history(movie.id()), latest.newest(history -> entries.setAll(history)));
    }

    /** Reads the shown movie's history again, after it was saved. */
    public void refresh(String movieId) {
        if (shown != null && shown.id().equals(movieId)) {
            show(shown);
        }
    }

    public ObservableList<HistoryEntry> entries() {
        return entries;
    }

    public StringProperty heading() {
        return heading;
    }
}
