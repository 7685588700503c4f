package org.mymoviedb.admin.shell;

import java.util.prefs.Preferences;

/** What the admin remembers between runs: the server URL and the last username, never a password. */
public final class AdminSettings {

    public static final String DEFAULT_SERVER_URL = "http://localhost:8080/graphql";

    private final Preferences preferences;

    public AdminSettings(Preferences preferences) {
        this.preferences = preferences;
    }

    public String serverUrl() {
        return preferences.get("serverUrl", DEFAULT_SERVER_URL);
    }

    public void serverUrl(String url) {
        preferences.put("serverUrl", url);
    }

    public String username() {
        return preferences.get("username", "");
    }

    public void username(String username) {
        preferences.put("username", username);
    }
}
