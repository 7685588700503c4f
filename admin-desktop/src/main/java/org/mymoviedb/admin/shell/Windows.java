package org.mymoviedb.admin.shell;

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
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> centreOn(stage, owner));
        stage.show();
    }

    /** A dialog: owned by and centred on {@code owner}, as tall as its text, resizable. */
    public static void fit(Dialog<?> dialog, Window owner) {
        dialog.initOwner(owner);
        dialog.setResizable(true);
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        dialog.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        Window window = dialog.getDialogPane().getScene().getWindow();
        window.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> centreOn(window, owner));
    }

    /** Puts {@code window} in the middle of {@code owner}, kept on {@code owner}'s screen side. */
    static void centreOn(Window window, Window owner) {
        if (owner == null) {
            window.centerOnScreen();
            return;
        }
        window.setX(Math.max(owner.getX(), owner.getX() + (owner.getWidth() - window.getWidth()) / 2));
        window.setY(Math.max(owner.getY(), owner.getY() + (owner.getHeight() - window.getHeight()) / 2));
    }
}
