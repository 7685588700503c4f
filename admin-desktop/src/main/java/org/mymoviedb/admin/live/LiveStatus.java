package org.mymoviedb.admin.live;

import java.time.Duration;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;

/** The top bar's word on how the window hears of other editors' changes: live, polling, or reconnecting. */
public final class LiveStatus {

    private LiveStatus() {
    }

    public static Label label(LiveFeed feed, Duration pollEvery) {
        Label label = new Label();
        label.setId("liveStatus");
        label.getStyleClass().add("live-status");
        label.textProperty().bind(Bindings.createStringBinding(() -> switch (feed.mode().get()) {
            case LIVE -> "● Live";
            case POLLING -> "Checking for changes every " + pollEvery.toSeconds() + " s";
            case CONNECTING -> "Connecting…";
            case RECONNECTING -> "Reconnecting…";
            case STOPPED -> "";
        }, feed.mode()));
        return label;
    }
}
