package org.mymoviedb.admin.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * The question before something that cannot be undone (discarding edits, deleting). The safe answer is the
 * default: Enter, Space on the focused button, Esc and the window's close button all give it, so only a
 * deliberate click on the destructive answer (or Tab to it) goes ahead.
 */
public final class SafeConfirmation {

    private final Alert alert;
    private final ButtonType destructive;

    /**
     * @param id the dialog pane's id, for tests and accessibility tools
     * @param destructive the label of the answer that goes ahead, e.g. "Discard changes"
     * @param safe the label of the answer that keeps everything as it is, e.g. "Keep editing"
     */
    public SafeConfirmation(Window owner, String id, String header, String explanation, String destructive,
                            String safe) {
        this.destructive = new ButtonType(destructive, ButtonBar.ButtonData.OTHER);
        ButtonType keep = new ButtonType(safe, ButtonBar.ButtonData.CANCEL_CLOSE);
        alert = new Alert(Alert.AlertType.CONFIRMATION, explanation, this.destructive, keep);
        Windows.fit(alert, owner);
        alert.setTitle(header);
        alert.setHeaderText(header);
        alert.getDialogPane().setId(id);
        AdminStyles.on(alert.getDialogPane());
        Button keepButton = (Button) alert.getDialogPane().lookupButton(keep);
        keepButton.setDefaultButton(true);
        alert.setOnShown(e -> keepButton.requestFocus());
    }

    /** Asks and waits; true only if the editor chose the destructive answer. */
    public boolean confirmed() {
        return alert.showAndWait().filter(destructive::equals).isPresent();
    }
}
