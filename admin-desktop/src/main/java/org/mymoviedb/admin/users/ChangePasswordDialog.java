package org.mymoviedb.admin.users;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.mymoviedb.admin.shell.AdminStyles;

/** The "Change password" dialog, over the window it was asked from, sized to its content. */
public final class ChangePasswordDialog {

    private final Stage stage = new Stage();

    public ChangePasswordDialog(Window owner, ChangePasswordViewModel model) {
        PasswordField current = password("currentPassword", model.current());
        PasswordField chosen = password("newPassword", model.chosen());
        PasswordField repeated = password("repeatPassword", model.repeated());
        GridPane fields = new GridPane();
        fields.setHgap(8);
        fields.setVgap(8);
        fields.addRow(0, new Label("Current password"), current);
        fields.addRow(1, new Label("New password"), chosen);
        fields.addRow(2, new Label("Repeat new password"), repeated);

        Label error = new Label();
        error.setId("changePasswordError");
        error.getStyleClass().add("error-message");
        error.setWrapText(true);
        error.setMaxWidth(360);
        error.textProperty().bind(model.error());

        Button change = new Button("Change password");
        change.setId("changePasswordSubmit");
        change.setDefaultButton(true);
        change.disableProperty().bind(model.sending().or(model.chosen().isEmpty()));
        change.setOnAction(e -> model.submit());
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        HBox buttons = new HBox(8, change, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(10, new Label("Other devices signed in as you are signed out; this window stays."),
                fields, error, buttons);
        root.setPadding(new Insets(14));
        model.changed().addListener((obs, was, changed) -> {
            if (changed) {
                stage.close();
            }
        });
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Change your password");
        stage.setScene(AdminStyles.on(new Scene(root)));
        stage.sizeToScene();
        stage.setOnShown(e -> {
            // Centred on its window, not the screen.
            stage.setX(owner.getX() + (owner.getWidth() - stage.getWidth()) / 2);
            stage.setY(owner.getY() + (owner.getHeight() - stage.getHeight()) / 2);
        });
    }

    private static PasswordField password(String id, javafx.beans.property.StringProperty value) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.setPrefColumnCount(20);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    public void show() {
        stage.show();
    }
}
