package org.mymoviedb.admin.shell;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.util.Duration;

/**
 * A short line saying that something worked ("Saved “Alien” (1979-05-25)"): shown across a window without
 * blocking it, and gone by itself after a while or when the next one replaces it. Takes no room while silent.
 */
public final class Notice extends Label {

    /** Long enough to read twice, short enough not to go stale. */
    static final Duration SHOWN_FOR = Duration.seconds(8);

    private final PauseTransition fade = new PauseTransition(SHOWN_FOR);

    public Notice(String id) {
        setId(id);
        getStyleClass().add("notice");
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        setPadding(new Insets(5, 10, 5, 10));
        managedProperty().bind(textProperty().isNotEmpty());
        visibleProperty().bind(textProperty().isNotEmpty());
        fade.setOnFinished(e -> setText(""));
    }

    /** Shows {@code message} for a while. */
    public void say(String message) {
        setText(message);
        fade.playFromStart();
    }
}
