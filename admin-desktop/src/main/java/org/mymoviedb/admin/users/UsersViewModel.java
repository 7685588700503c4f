package org.mymoviedb.admin.users;

import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.UserAccount;
import org.mymoviedb.admin.api.UserError;
import org.mymoviedb.admin.shell.Background;

/**
 * The accounts screen, for admins: list, create, change a role, reset a password, delete. The server holds the
 * rules (a password's length, no removing yourself); its userErrors are what the screen says.
 */
public final class UsersViewModel {

    /** Role names as the API spells them, least powerful first. */
    public static final List<String> ROLES = List.of("EDITOR", "ADMIN");
    static final String PASSWORDS_DIFFER = "The two passwords differ";

    private final CatalogueClient client;
    private final Background background;
    private final ObservableList<UserAccount> users = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    public UsersViewModel(CatalogueClient client, Background background) {
        this.client = client;
        this.background = background;
    }

    public void reload() {
        background.run(client::users, users::setAll);
    }

    public void create(String username, String role, String password, String repeated) {
        if (differ(password, repeated)) {
            return;
        }
        write(() -> client.createUser(username.strip(), role, password).userErrors(), "Created " + username.strip());
    }

    public void changeRole(UserAccount user, String role) {
        write(() -> client.updateUser(user.id(), role, null).userErrors(),
                user.username() + " is now " + role.toLowerCase());
    }

    /** A new password for someone else's account; it signs them out everywhere. */
    public void resetPassword(UserAccount user, String password, String repeated) {
        if (differ(password, repeated)) {
            return;
        }
        write(() -> client.updateUser(user.id(), null, password).userErrors(),
                "New password set for " + user.username() + "; they are signed out everywhere");
    }

    public void delete(UserAccount user) {
        write(() -> client.deleteUser(user.id()), "Removed " + user.username());
    }

    private boolean differ(String password, String repeated) {
        if (password.equals(repeated)) {
            return false;
        }
        message.set("");
        error.set(PASSWORDS_DIFFER);
        return true;
    }

    private void write(Callable<List<UserError>> call, String success) {
        background.run(call, errors -> {
            error.set(String.join("; ", errors.stream().map(UserError::message).toList()));
            message.set(errors.isEmpty() ? success : "");
            reload();
        });
    }

    public ObservableList<UserAccount> users() {
        return users;
    }

    /** What the last write was refused for; empty after one that went through. */
    public StringProperty error() {
        return error;
    }

    /** What the last write did, when it went through. */
    public StringProperty message() {
        return message;
    }
}
