package org.mymoviedb.admin.shell;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.prefs.Preferences;

/**
 * What the admin remembers between runs: the server URL, the last username (never a password) and the movie
 * list's hidden columns.
 */
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

    /** The ids of the movie list's columns the editor hid with the column chooser. */
    public Set<String> hiddenColumns() {
        Set<String> hidden = new TreeSet<>();
        Arrays.stream(preferences.get("hiddenColumns", "").split(",")).filter(id -> !id.isBlank()).forEach(hidden::add);
        return hidden;
    }

    public void hiddenColumns(Set<String> ids) {
        preferences.put("hiddenColumns", String.join(",", new TreeSet<>(ids)));
    }
}
