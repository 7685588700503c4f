package org.mymoviedb.admin.shell;

import java.net.URL;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;

/** The admin's one stylesheet, admin.css: each scene and dialog loads it once, and nodes carry style classes. */
public final class AdminStyles {

    private static final String SHEET = Objects.requireNonNull(stylesheet(),
            "admin.css is missing from the classpath").toExternalForm();

    private AdminStyles() {
    }

    private static URL stylesheet() {
        return AdminStyles.class.getResource("/org/mymoviedb/admin/admin.css");
    }

    /** {@code scene}, styled. */
    public static Scene on(Scene scene) {
        scene.getStylesheets().add(SHEET);
        return scene;
    }

    /** An Alert's or Dialog's pane, styled: a dialog is a scene of its own. */
    public static void on(DialogPane pane) {
        pane.getStylesheets().add(SHEET);
    }
}
