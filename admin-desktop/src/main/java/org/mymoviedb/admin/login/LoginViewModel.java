package org.mymoviedb.admin.login;

import java.net.URI;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.mymoviedb.admin.api.ApiException;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.SignedInUser;
import org.mymoviedb.admin.shell.AdminSettings;
import org.mymoviedb.admin.shell.Background;

/** Signs in against the server the editor names, and remembers that server (never the password). */
public final class LoginViewModel {

    private final CatalogueClient client;
    private final AdminSettings settings;
    private final Background background;
    private final StringProperty serverUrl = new SimpleStringProperty();
    private final StringProperty username = new SimpleStringProperty();
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private Consumer<SignedInUser> onSignedIn = user -> { };

    public LoginViewModel(CatalogueClient client, AdminSettings settings, Background background) {
        this.client = client;
        this.settings = settings;
        this.background = background;
        serverUrl.set(settings.serverUrl());
        username.set(settings.username());
    }

    public void onSignedIn(Consumer<SignedInUser> onSignedIn) {
        this.onSignedIn = onSignedIn;
    }

    public void signIn() {
        URI endpoint;
        try {
            endpoint = URI.create(serverUrl.get().strip());
            if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            error.set("The server URL looks like http://host:8080/graphql");
            return;
        }
        if (username.get() == null || username.get().isBlank() || password.get().isEmpty()) {
            error.set("Enter your username and password");
            return;
        }
        error.set("");
        busy.set(true);
        client.endpoint(endpoint);
        String name = username.get().strip();
        String secret = password.get();
        background.run(() -> client.login(name, secret), user -> {
            busy.set(false);
            password.set("");
            settings.serverUrl(endpoint.toString());
            settings.username(name);
            onSignedIn.accept(user);
        }, this::failed);
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
