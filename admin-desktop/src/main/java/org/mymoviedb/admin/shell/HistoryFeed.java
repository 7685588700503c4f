package org.mymoviedb.admin.shell;

import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mymoviedb.admin.api.HistoryEntry;
import org.mymoviedb.admin.api.HistoryPage;

/**
 * History read a page at a time, newest first, for the audit log and a movie's history alike: the first page on
 * {@link #load}, the next on {@link #loadMore} (asked once per page, however often the table scrolls to its end),
 * and answers about a source no longer shown dropped.
 */
public final class HistoryFeed {

    /** Where the pages come from: {@code after} null for the first. Runs off the FX thread. */
    public interface Source {
        HistoryPage page(String after) throws Exception;
    }

    public static final int PAGE_SIZE = 50;

    private final Background background;
    private final ObservableList<HistoryEntry> entries = FXCollections.observableArrayList();
    private final BooleanProperty hasMore = new SimpleBooleanProperty(false);
    private final LatestOnly latest = new LatestOnly();
    private Source source;
    private String endCursor;
    /** The cursor of the page on its way, so scrolling about at the end asks for it once. */
    private String asked;

    public HistoryFeed(Background background) {
        this.background = background;
    }

    /** Shows {@code source}'s first page instead of whatever was shown. */
    public void load(Source source) {
        this.source = source;
        entries.clear();
        hasMore.set(false);
        endCursor = null;
        asked = null;
        background.run(() -> source.page(null), latest.newest(page -> accept(page, true)));
    }

    public void loadMore() {
        if (source == null || !hasMore.get() || Objects.equals(asked, endCursor)) {
            return;
        }
        Source from = source;
        String after = endCursor;
        asked = after;
        background.run(() -> from.page(after), latest.continuing(page -> accept(page, false)));
    }

    /** Shows nothing, and drops every answer still on its way. */
    public void clear() {
        latest.supersede();
        source = null;
        entries.clear();
        hasMore.set(false);
    }

    private void accept(HistoryPage page, boolean first) {
        if (first) {
            entries.setAll(page.entries());
        } else {
            entries.addAll(page.entries());
        }
        hasMore.set(page.hasNextPage());
        endCursor = page.endCursor();
    }

    public ObservableList<HistoryEntry> entries() {
        return entries;
    }

    public ReadOnlyBooleanProperty hasMore() {
        return hasMore;
    }
}
