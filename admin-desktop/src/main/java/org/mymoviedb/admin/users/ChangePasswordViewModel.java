package org.mymoviedb.admin.users;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.UserError;
import org.mymoviedb.admin.shell.Background;

/** Changing one's own password: the current one, the new one twice. This session stays signed in. */
public final class ChangePasswordViewModel {

    private final CatalogueClient client;
    private final Background background;
    private final StringProperty current = new SimpleStringProperty("");
    private final StringProperty chosen = new SimpleStringProperty("");
    private final StringProperty repeated = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty changed = new SimpleBooleanProperty(false);
    private final BooleanProperty sending = new SimpleBooleanProperty(false);

    public ChangePasswordViewModel(CatalogueClient client, Background background) {
        this.client = client;
        this.background = background;
    }

    public void submit() {
        if (sending.get()) {
            return;
        }
        if (!chosen.get().equals(repeated.get())) {
            error.set("The new password and its repetition differ");
            return;
        }
        String was = current.get();
        String next = chosen.get();
        sending.set(true);
        background.run(() -> client.changePassword(was, next), errors -> {
            sending.set(false);
            error.set(String.join("; ", errors.stream().map(UserError::message).toList()));
            changed.set(errors.isEmpty());
        }, failed -> {
            // Said in the dialog, where the editor is looking; nothing changed, so trying again is safe.
            sending.set(false);
            error.set(failed.getMessage());
        });
    }

    public StringProperty current() {
        return current;
    }

    public StringProperty chosen() {
        return chosen;
    }

    public StringProperty repeated() {
        return repeated;
    }

    public StringProperty error() {
        return error;
    }

    /** True once the server took the new password. */
    public BooleanProperty changed() {
        return changed;
    }

    public BooleanProperty sending() {
        return sending;
    }
}
