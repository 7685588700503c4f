package org.mymoviedb.admin.shell;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
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

    /**
     * {@code content} with this notice floating at its top right corner (beside a tab pane's tabs), as a toast:
     * it never moves what is beneath (a list keeps its scroll position), and clicks go through it.
     */
    public StackPane over(Node content) {
        managedProperty().unbind();
        setManaged(true);
        setMaxWidth(Region.USE_PREF_SIZE);
        setMaxHeight(Region.USE_PREF_SIZE);
        setMouseTransparent(true);
        getStyleClass().add("toast");
        StackPane stack = new StackPane(content, this);
        StackPane.setAlignment(this, Pos.TOP_RIGHT);
        StackPane.setMargin(this, new Insets(2, 8, 0, 0));
        return stack;
    }

    /** Shows {@code message} for a while. */
    public void say(String message) {
        setText(message);
        fade.playFromStart();
    }
}
