package org.mymoviedb.admin.login;

import java.net.URI;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.mymoviedb.admin.api.ApiException;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.GraphQLEndpoint;
import org.mymoviedb.admin.api.SignedInUser;
import org.mymoviedb.admin.shell.AdminSettings;
import org.mymoviedb.admin.shell.Background;

/**
 * Signs in against the server the editor names, and remembers that server (never the password). Signing in again
 * after a session expired is for the same account only: the window, and what it is about to save, belong to it.
 */
public final class LoginViewModel {

    private final CatalogueClient client;
    private final AdminSettings settings;
    private final Background background;
    /** Null on the login screen; the account whose session expired when signing in again. */
    private final String account;
    private final StringProperty serverUrl = new SimpleStringProperty();
    private final StringProperty username = new SimpleStringProperty();
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private Consumer<SignedInUser> onSignedIn = user -> { };
    private Runnable onSomeoneElse = () -> { };

    /** The login screen: any account, on the server the editor names. */
    public LoginViewModel(CatalogueClient client, AdminSettings settings, Background background) {
        this(client, settings, background, null);
        serverUrl.set(settings.serverUrl());
        username.set(settings.username());
    }

    private LoginViewModel(CatalogueClient client, AdminSettings settings, Background background, String account) {
        this.client = client;
        this.settings = settings;
        this.background = background;
        this.account = account;
    }

    /** Signing in again after {@code user}'s session expired: same server, same account. */
    public static LoginViewModel again(CatalogueClient client, AdminSettings settings, Background background,
                                       SignedInUser user) {
        LoginViewModel again = new LoginViewModel(client, settings, background, user.username());
        again.serverUrl.set(client.endpoint().toString());
        again.username.set(user.username());
        return again;
    }

    public void onSignedIn(Consumer<SignedInUser> onSignedIn) {
        this.onSignedIn = onSignedIn;
    }

    /** What "Sign in as someone else" does (only offered when signing in again). */
    public void onSomeoneElse(Runnable onSomeoneElse) {
        this.onSomeoneElse = onSomeoneElse;
    }

    /** The account this sign-in is fixed to, or null when anyone may sign in. */
    public String account() {
        return account;
    }

    public void signIn() {
        if (busy.get()) {
            return;
        }
        URI endpoint;
        try {
            endpoint = account == null ? GraphQLEndpoint.of(serverUrl.get()) : client.endpoint();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        // The completed URL is shown, so what is tried (and then remembered) is what the editor sees.
        serverUrl.set(endpoint.toString());
        String name = account != null ? account : username.get() == null ? "" : username.get().strip();
        if (name.isEmpty() || password.get().isEmpty()) {
            error.set("Enter your username and password");
            return;
        }
        error.set("");
        busy.set(true);
        client.endpoint(endpoint);
        String secret = password.get();
        background.run(() -> signInAs(name, secret), user -> {
            busy.set(false);
            password.set("");
            settings.serverUrl(endpoint.toString());
            settings.username(user.username());
            onSignedIn.accept(user);
        }, this::failed);
    }

    public void signInAsSomeoneElse() {
        onSomeoneElse.run();
    }

    /** Off the FX thread. A session for another account than the window's is closed again at once. */
    private SignedInUser signInAs(String name, String secret) {
        if (account != null && !name.equalsIgnoreCase(account)) {
            // Refused before any session exists, so no call of this window can run as that account even briefly.
            throw otherAccount(name);
        }
        SignedInUser user = client.login(name, secret);
        if (account != null && !user.username().equals(account)) {
            client.logout();
            throw otherAccount(user.username());
        }
        return user;
    }

    private ApiException otherAccount(String name) {
        return new ApiException("OTHER_ACCOUNT", "This window belongs to " + account + "; to work as " + name
                + ", choose Sign in as someone else");
    }

    private void failed(ApiException e) {
        busy.set(false);
        error.set(e.getMessage());
    }

    public StringProperty serverUrl() {
        return serverUrl;
    }

    public StringProperty username() {
        return username;
    }

    public StringProperty password() {
        return password;
    }

    public StringProperty error() {
        return error;
    }

    public BooleanProperty busy() {
        return busy;
    }
}
