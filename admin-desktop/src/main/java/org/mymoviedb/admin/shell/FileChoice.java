package org.mymoviedb.admin.shell;

import java.io.File;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Where a file comes from or goes to: the platform's file chooser, over the window that asks. A node may carry
 * another one under {@link #KEY} in its properties (a test gives a fixed path, since a native chooser cannot be
 * driven); {@link #of} finds it.
 */
public interface FileChoice {

    /** The key of a node's property holding the FileChoice to use instead of the platform's. */
    String KEY = FileChoice.class.getName();

    /** A CSV file to write; null when the editor cancelled. */
    Path save(Window owner, String title, String suggestedName);

    /** A CSV file to read; null when the editor cancelled. */
    Path open(Window owner, String title);

    /** The node's own FileChoice, or the platform's file chooser. */
    static FileChoice of(Node node) {
        return node.getProperties().get(KEY) instanceof FileChoice given ? given : platform();
    }

    /** The platform's file chooser, showing CSV files. */
    static FileChoice platform() {
        return new FileChoice() {
            @Override
            public Path save(Window owner, String title, String suggestedName) {
                FileChooser chooser = chooser(title);
                chooser.setInitialFileName(suggestedName);
                return path(chooser.showSaveDialog(owner));
            }

            @Override
            public Path open(Window owner, String title) {
                return path(chooser(title).showOpenDialog(owner));
            }

            private FileChooser chooser(String title) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv"),
                        new FileChooser.ExtensionFilter("All files", "*"));
                return chooser;
            }

            private Path path(File file) {
                return file == null ? null : file.toPath();
            }
        };
    }
}
