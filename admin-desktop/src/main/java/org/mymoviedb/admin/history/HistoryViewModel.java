package org.mymoviedb.admin.history;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.shell.Background;
import org.mymoviedb.admin.shell.HistoryFeed;

/** The history of the movie selected in the list: who changed what, and when, newest first, a page at a time. */
public final class HistoryViewModel {

    private final CatalogueClient client;
    private final HistoryFeed feed;
    private final StringProperty heading = new SimpleStringProperty("Select one movie to see its history");
    private Movie shown;

    public HistoryViewModel(CatalogueClient client, Background background) {
        this.client = client;
        this.feed = new HistoryFeed(background);
    }

    /** Shows {@code movie}'s history; null clears the panel. */
    public void show(Movie movie) {
        shown = movie;
        if (movie == null) {
            feed.clear();
            heading.set("Select one movie to see its history");
            return;
        }
        heading.set("History of " + movie.title());
        String id = movie.id();
        feed.load(after -> client.history(id, HistoryFeed.PAGE_SIZE, after));
    }

    /** Reads the shown movie's history again, after it was saved. */
    public void refresh(String movieId) {
        if (shown != null && shown.id().equals(movieId)) {
            show(shown);
        }
    }

    public HistoryFeed feed() {
        return feed;
    }

    public StringProperty heading() {
        return heading;
    }
}
