package org.mymoviedb.admin.shell;

import javafx.application.Platform;
import javafx.scene.control.Dialog;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Where a secondary window appears: sized to what it shows and centred on the window it belongs to, not on the
 * screen's centre or corner, whatever the window manager would choose.
 */
public final class Windows {

    private Windows() {
    }

    /** Shows {@code stage} (already owned by {@code owner}) at its content's size, centred on {@code owner}. */
    public static void showOver(Stage stage, Window owner) {
        stage.sizeToScene();
        if (stage.getScene() != null && stage.getScene().getRoot() instanceof Region root) {
            // Never smaller than what it shows: a window manager's default (200x200, one line) would cut it.
            stage.setMinWidth(Math.min(root.prefWidth(-1), 1200));
            stage.setMinHeight(Math.min(root.prefHeight(root.prefWidth(-1)), 900));
        }
        placeOn(stage, owner);
        stage.show();
    }

    /** A dialog: owned by and centred on {@code owner}, as tall as its text, resizable. */
    public static void fit(Dialog<?> dialog, Window owner) {
        dialog.initOwner(owner);
        dialog.setResizable(true);
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        dialog.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        placeOn(dialog.getDialogPane().getScene().getWindow(), owner);
    }

    /**
     * Centres {@code window} on {@code owner} twice: before it maps, from its content's preferred size, so the
     * window manager maps it there (a window manager may ignore a move right after mapping and leave the window
     * in the screen's corner), and once shown, at its real size.
     */
    private static void placeOn(Window window, Window owner) {
        window.addEventHandler(WindowEvent.WINDOW_SHOWING, e -> {
            if (window.getScene() != null && window.getScene().getRoot() instanceof Region root) {
                double width = root.prefWidth(-1);
                centreOn(window, owner, width, root.prefHeight(width));
            }
        });
        window.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            centreOn(window, owner, window.getWidth(), window.getHeight());
            // Once more after the window manager has taken the window: opened from a key press, openbox maps it
            // at the screen's corner whatever was asked before.
            Platform.runLater(() -> centreOn(window, owner, window.getWidth(), window.getHeight()));
        });
    }

    /** Puts a window this large in the middle of {@code owner}, never left of or above it. */
    private static void centreOn(Window window, Window owner, double width, double height) {
        if (owner == null || Double.isNaN(width) || Double.isNaN(height)) {
            return;
        }
        window.setX(Math.max(owner.getX(), owner.getX() + (owner.getWidth() - width) / 2));
        window.setY(Math.max(owner.getY(), owner.getY() + (owner.getHeight() - height) / 2));
    }
}
