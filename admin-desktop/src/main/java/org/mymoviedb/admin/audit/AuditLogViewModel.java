package org.mymoviedb.admin.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mymoviedb.admin.api.AuditQuery;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.UserAccount;
import org.mymoviedb.admin.shell.Background;
import org.mymoviedb.admin.shell.HistoryFeed;

/**
 * The audit log, for admins: every write, newest first, a page at a time, filtered by account, action, kind of
 * entry, entry id and a range of days (in this computer's time zone, both days included). Deleted movies' writes
 * are found like any other's: history outlives what it describes.
 */
public final class AuditLogViewModel {

    /** AuditAction names, as the API spells them. */
    public static final List<String> ACTIONS = List.of("CREATE", "UPDATE", "DELETE");
    /** EntityType names, as the API spells them. */
    public static final List<String> ENTITY_TYPES = List.of("MOVIE", "GENRE", "PERSON", "USER");

    private final CatalogueClient client;
    private final HistoryFeed feed;
    private final ZoneId zone;
    private final ObservableList<UserAccount> users = FXCollections.observableArrayList();
    private final ObjectProperty<UserAccount> user = new SimpleObjectProperty<>();
    private final ObjectProperty<String> action = new SimpleObjectProperty<>();
    private final ObjectProperty<String> entityType = new SimpleObjectProperty<>();
    private final StringProperty entityId = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final Background background;

    public AuditLogViewModel(CatalogueClient client, Background background, ZoneId zone) {
        this.client = client;
        this.background = background;
        this.feed = new HistoryFeed(background);
        this.zone = zone;
    }

    /** Shows the first page of what the filters keep, or says why they cannot be asked. */
    public void reload() {
        if (from.get() != null && to.get() != null && to.get().isBefore(from.get())) {
            error.set("The date range ends before it starts");
            feed.clear();
            return;
        }
        error.set("");
        AuditQuery query = query();
        feed.load(after -> client.auditLog(query, HistoryFeed.PAGE_SIZE, after));
    }

    /** The accounts to filter by. */
    public void loadUsers() {
        background.run(client::users, users::setAll);
    }

    /** The filters as the API takes them: whole days from the first day's start to the last day's end. */
    AuditQuery query() {
        String id = entityId.get() == null ? "" : entityId.get().strip();
        return new AuditQuery(user.get() == null ? null : user.get().id(), action.get(), entityType.get(),
                id.isEmpty() ? null : id, startOf(from.get()), to.get() == null ? null : startOf(to.get().plusDays(1)));
    }

    private OffsetDateTime startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(zone).toOffsetDateTime();
    }

    /** Every filter off. */
    public void clearFilters() {
        user.set(null);
        action.set(null);
        entityType.set(null);
        entityId.set("");
        from.set(null);
        to.set(null);
    }

    public HistoryFeed feed() {
        return feed;
    }

    public ObservableList<UserAccount> users() {
        return users;
    }

    public ObjectProperty<UserAccount> user() {
        return user;
    }

    public ObjectProperty<String> action() {
        return action;
    }

    public ObjectProperty<String> entityType() {
        return entityType;
    }

    public StringProperty entityId() {
        return entityId;
    }

    public ObjectProperty<LocalDate> from() {
        return from;
    }

    public ObjectProperty<LocalDate> to() {
        return to;
    }

    public StringProperty error() {
        return error;
    }
}
