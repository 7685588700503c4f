package org.mymoviedb.admin.movieform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.mymoviedb.admin.api.CatalogueChange;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.shell.ChangeWording;

/**
 * What other editors did to the movie on the form since the editor opened it, said before the editor saves:
 * "Changed by ann 20 s ago: runtime, genres". The form keeps whatever the editor typed; saving then goes
 * through the usual merge (a field only they changed goes their way, one both changed is asked about). The
 * notice goes once the form shows a version at least as new as the last change heard.
 */
public final class ChangedMeanwhile {

    private final MovieFormViewModel form;
    private final String me;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final Set<String> who = new LinkedHashSet<>();
    private final Set<String> fields = new LinkedHashSet<>();
    private CatalogueChange last;

    /** @param me the signed-in username: a change this form's own save made is no news to it */
    public ChangedMeanwhile(MovieFormViewModel form, String me) {
        this.form = form;
        this.me = me;
        form.editing().addListener((obs, was, now) -> {
            if (last != null && (now == null || !now.id().equals(last.entityId())
                    || last.version() != null && now.version() >= last.version())) {
                clear();
            }
        });
    }

    /** Notes {@code change} if it is another editor's change to the movie on the form. */
    public void heard(CatalogueChange change, Instant now) {
        Movie editing = form.editing().get();
        if (editing == null || !change.isMovie() || !editing.id().equals(change.entityId())) {
            return;
        }
        if (!change.deleted() && change.version() != null && change.version() <= editing.version()) {
            return;
        }
        // This form's own save, heard before its answer came back.
        if (form.saving().get() && me.equals(change.username())) {
            return;
        }
        last = change;
        who.remove(change.username() == null ? "someone else" : change.username());
        who.add(change.username() == null ? "someone else" : change.username());
        fields.addAll(change.changedFields());
        tick(now);
    }

    /** Says again how long ago: the view calls it every second. */
    public void tick(Instant now) {
        text.set(last == null ? "" : wording(now));
    }

    private String wording(Instant now) {
        // The latest editor first.
        List<String> names = new ArrayList<>(who);
        Collections.reverse(names);
        String by = String.join(" and ", names);
        String ago = ago(last.at() == null ? Duration.ZERO : Duration.between(last.at(), now));
        if (last.deleted()) {
            return "Deleted by " + by + " " + ago + ": saving will not bring it back.";
        }
        String what = fields.stream().map(field -> ChangeWording.label(field).toLowerCase(Locale.ROOT))
                .reduce((a, b) -> a + ", " + b).map(list -> ": " + list).orElse("");
        return "Changed by " + by + " " + ago + what;
    }

    /** "just now", "20 s ago", "3 min ago", "2 h ago". */
    static String ago(Duration elapsed) {
        long seconds = Math.max(0, elapsed.toSeconds());
        if (seconds < 1) {
            return "just now";
        }
        if (seconds < 60) {
            return seconds + " s ago";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min ago";
        }
        return seconds / 3600 + " h ago";
    }

    private void clear() {
        last = null;
        who.clear();
        fields.clear();
        text.set("");
    }

    /** What the notice says; empty when nothing happened meanwhile. */
    public ReadOnlyStringProperty text() {
        return text.getReadOnlyProperty();
    }
}
