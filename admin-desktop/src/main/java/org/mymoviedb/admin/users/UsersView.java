package org.mymoviedb.admin.users;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.mymoviedb.admin.api.UserAccount;
import org.mymoviedb.admin.shell.SafeConfirmation;

/** The accounts screen: the list on the left; a new account, and what to do with the selected one, on the right. */
public final class UsersView {

    private final BorderPane root;
    private final TableView<UserAccount> table;
    private String selectedId;

    public UsersView(UsersViewModel model) {
        table = new TableView<>(model.users());
        table.setId("usersTable");
        table.setPlaceholder(new Label("No accounts"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Username", UserAccount::username, 200));
        table.getColumns().add(column("Role", user -> user.role().toLowerCase(), 90));
        table.getColumns().add(column("Created", user -> user.createdAt().substring(0, 10), 110));

        TextField username = new TextField();
        username.setId("newUsername");
        ChoiceBox<String> role = roles("newRole");
        PasswordField password = passwordField("createPassword");
        PasswordField repeated = passwordField("createPasswordRepeated");
        Button create = new Button("Create account");
        create.setId("createUser");
        create.disableProperty().bind(username.textProperty().isEmpty().or(password.textProperty().isEmpty()));
        create.setOnAction(e -> model.create(username.getText(), role.getValue(), password.getText(),
                repeated.getText()));
        model.message().addListener((obs, was, message) -> {
            if (message.startsWith("Created")) {
                username.clear();
                password.clear();
                repeated.clear();
            }
        });
        GridPane newAccount = grid();
        newAccount.addRow(0, label("Username"), username);
        newAccount.addRow(1, label("Role"), role);
        newAccount.addRow(2, label("Password"), password);
        newAccount.addRow(3, label("Repeat password"), repeated);
        newAccount.add(create, 1, 4);

        ChoiceBox<String> newRole = roles("selectedRole");
        Button changeRole = new Button("Change role");
        changeRole.setId("changeRole");
        PasswordField reset = passwordField("resetPassword");
        PasswordField resetRepeated = passwordField("resetPasswordRepeated");
        Button resetButton = new Button("Set password");
        resetButton.setId("setPassword");
        Button delete = new Button("Delete account…");
        delete.setId("deleteUser");
        var none = table.getSelectionModel().selectedItemProperty().isNull();
        changeRole.disableProperty().bind(none);
        resetButton.disableProperty().bind(none.or(reset.textProperty().isEmpty()));
        delete.disableProperty().bind(none);
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, user) -> {
            if (user != null) {
                newRole.setValue(user.role());
                selectedId = user.id();
            }
        });
        // A write reloads the list: the account worked on stays selected.
        model.users().addListener((javafx.collections.ListChangeListener<UserAccount>) change -> model.users()
                .stream().filter(user -> user.id().equals(selectedId)).findFirst()
                .ifPresent(user -> table.getSelectionModel().select(user)));
        changeRole.setOnAction(e -> model.changeRole(selected(), newRole.getValue()));
        resetButton.setOnAction(e -> {
            model.resetPassword(selected(), reset.getText(), resetRepeated.getText());
            reset.clear();
            resetRepeated.clear();
        });
        delete.setOnAction(e -> confirmDelete(model, selected()));
        GridPane selectedAccount = grid();
        selectedAccount.addRow(0, label("Role"), newRole, changeRole);
        selectedAccount.addRow(1, label("New password"), reset);
        selectedAccount.addRow(2, label("Repeat password"), resetRepeated, resetButton);
        selectedAccount.add(delete, 1, 3);

        Label error = new Label();
        error.setId("usersError");
        error.getStyleClass().add("error-message");
        error.setWrapText(true);
        error.textProperty().bind(model.error());
        Label message = new Label();
        message.setId("usersMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.message());

        TitledPane creating = new TitledPane("New account", newAccount);
        creating.setCollapsible(false);
        TitledPane changing = new TitledPane("Selected account", selectedAccount);
        changing.setCollapsible(false);
        VBox side = new VBox(10, creating, changing, error, message);
        side.setPadding(new Insets(0, 0, 0, 10));
        side.setPrefWidth(540);
        side.setMinWidth(440);

        root = new BorderPane(table);
        root.setRight(side);
        root.setPadding(new Insets(10));
    }

    private UserAccount selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    private void confirmDelete(UsersViewModel model, UserAccount user) {
        if (new SafeConfirmation(root.getScene().getWindow(), "confirmDeleteUser",
                "Delete the account “" + user.username() + "”?",
                "They can no longer sign in; their history stays under their username.", "Delete account",
                "Cancel").confirmed()) {
            model.delete(user);
        }
    }

    private static TableColumn<UserAccount, String> column(String name, Function<UserAccount, String> text,
                                                           double width) {
        TableColumn<UserAccount, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static ChoiceBox<String> roles(String id) {
        ChoiceBox<String> roles = new ChoiceBox<>();
        roles.setId(id);
        roles.getItems().setAll(UsersViewModel.ROLES);
        roles.setValue(UsersViewModel.ROLES.get(0));
        roles.setConverter(new StringConverter<>() {
            @Override
            public String toString(String role) {
                return role == null ? "" : role.toLowerCase();
            }

            @Override
            public String fromString(String text) {
                return text == null ? null : text.toUpperCase();
            }
        });
        return roles;
    }

    private static PasswordField passwordField(String id) {
        PasswordField field = new PasswordField();
        field.setId(id);
        return field;
    }

    /** A field's label, which keeps its whole text ("Repeat password", never "Repeat passw..."). */
    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        return grid;
    }

    public Node root() {
        return root;
    }
}
