package org.mymoviedb.admin.login;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.mymoviedb.admin.shell.AdminStyles;

/**
 * The sign-in form: server URL, username, password. Signing in again after a session expired keeps the server and
 * the account fixed, and offers "Sign in as someone else" as a separate, explicit way out.
 */
public final class LoginView {

    private final VBox root;
    private final PasswordField password = new PasswordField();
    private final TextField username = new TextField();

    public LoginView(LoginViewModel model) {
        boolean again = model.account() != null;
        Label heading = new Label(again ? "Your session expired: sign in again as " + model.account()
                : "Sign in to mymoviedb");
        heading.getStyleClass().add("login-heading");

        TextField serverUrl = new TextField();
        serverUrl.setId("serverUrl");
        serverUrl.textProperty().bindBidirectional(model.serverUrl());
        serverUrl.setDisable(again);
        serverUrl.setPrefColumnCount(28);
        username.setId("username");
        username.textProperty().bindBidirectional(model.username());
        // The window's unsaved work belongs to this account: another one is "Sign in as someone else".
        username.setEditable(!again);
        username.setFocusTraversable(!again);
        if (again) {
            username.getStyleClass().add("fixed-account");
        }
        password.setId("password");
        password.textProperty().bindBidirectional(model.password());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Server"), serverUrl);
        form.addRow(1, new Label("Username"), username);
        form.addRow(2, new Label("Password"), password);
        // The labels keep their full width; the boxes beside them give way instead ("User..." never shows).
        form.getChildren().stream().filter(Label.class::isInstance)
                .forEach(label -> ((Label) label).setMinWidth(Region.USE_PREF_SIZE));

        Label error = new Label();
        error.setId("loginError");
        error.getStyleClass().add("error-message");
        error.setWrapText(true);
        error.textProperty().bind(model.error());

        Button signIn = new Button("Sign in");
        signIn.setId("signIn");
        signIn.setDefaultButton(true);
        signIn.disableProperty().bind(model.busy());
        signIn.setOnAction(e -> model.signIn());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("signInProgress");
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(model.busy());
        HBox actions = new HBox(10, signIn, progress);
        if (again) {
            Button someoneElse = new Button("Sign in as someone else");
            someoneElse.setId("signInAsSomeoneElse");
            someoneElse.disableProperty().bind(model.busy());
            someoneElse.setOnAction(e -> model.signInAsSomeoneElse());
            actions.getChildren().add(1, someoneElse);
        }
        actions.setAlignment(Pos.CENTER_LEFT);

        root = new VBox(14, heading, form, error, actions);
        root.setPadding(new Insets(24));
        root.setPrefWidth(460);
    }

    public Scene scene() {
        Scene scene = AdminStyles.on(new Scene(root));
        // The cursor goes where typing is needed: the password when the username is remembered.
        Platform.runLater(() -> (username.getText().isEmpty() ? username : password).requestFocus());
        return scene;
    }

    public VBox root() {
        return root;
    }
}
