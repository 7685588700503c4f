package org.mymoviedb.admin.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.mymoviedb.admin.api.HistoryEntry;
import org.mymoviedb.admin.api.UserAccount;
import org.mymoviedb.admin.shell.ChangeWording;
import org.mymoviedb.admin.shell.HistoryTable;

/** The audit log: a filter bar that wraps at any width, and the writes it keeps, paged on scroll. */
public final class AuditLogView {

    /** What a "no filter" choice shows. */
    private static final String ANY = "";

    private final VBox root;

    public AuditLogView(AuditLogViewModel model) {
        ComboBox<UserAccount> user = new ComboBox<>();
        user.setId("auditUser");
        user.setPromptText("Any account");
        user.setConverter(new StringConverter<>() {
            @Override
            public String toString(UserAccount account) {
                return account == null || account.id() == null ? "Any account" : account.username();
            }

            @Override
            public UserAccount fromString(String text) {
                return null;
            }
        });
        UserAccount anyone = new UserAccount(null, "Any account", null, null);
        model.users().addListener((javafx.collections.ListChangeListener<UserAccount>) change -> {
            List<UserAccount> choices = new ArrayList<>(List.of(anyone));
            choices.addAll(model.users());
            user.getItems().setAll(choices);
        });
        user.valueProperty().addListener((obs, was, chosen) -> {
            model.user().set(chosen == null || chosen.id() == null ? null : chosen);
            model.reload();
        });
        model.user().addListener((obs, was, now) -> {
            if (now == null && user.getValue() != null && user.getValue().id() != null) {
                user.setValue(null);
            }
        });

        ComboBox<String> action = choices("auditAction", "Any action", AuditLogViewModel.ACTIONS, model.action(),
                model);
        ComboBox<String> entityType = choices("auditEntityType", "Any kind of entry", AuditLogViewModel.ENTITY_TYPES,
                model.entityType(), model);

        TextField entityId = new TextField();
        entityId.setId("auditEntityId");
        entityId.setPromptText("Entry id");
        entityId.setPrefColumnCount(8);
        entityId.textProperty().bindBidirectional(model.entityId());
        entityId.setOnAction(e -> model.reload());

        DatePicker from = datePicker("auditFrom", "From day", model.from(), model);
        DatePicker to = datePicker("auditTo", "To day", model.to(), model);

        Button apply = new Button("Show");
        apply.setId("auditApply");
        apply.setOnAction(e -> model.reload());
        Button clear = new Button("Clear filters");
        clear.setId("auditClear");
        clear.setOnAction(e -> {
            model.clearFilters();
            model.reload();
        });

        FlowPane filters = new FlowPane(8, 8, user, action, entityType, entityId, from, to, apply, clear);
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<HistoryEntry> table = new HistoryTable("auditTable", model.feed())
                .wrappingColumn("When", entry -> entry.when() + "\n" + entry.username(), 130, 110)
                .column("Action", HistoryEntry::action, 70, 60)
                .wrappingColumn("Entry", AuditLogView::entry, 220, 140)
                .wrappingColumn("Changes", ChangeWording::changes, 480, 200)
                .table();
        VBox.setVgrow(table, Priority.ALWAYS);

        Label error = new Label();
        error.setId("auditError");
        error.getStyleClass().add("error-message");
        error.textProperty().bind(model.error());
        Button more = new Button("Load more");
        more.setId("auditLoadMore");
        more.visibleProperty().bind(model.feed().hasMore());
        more.managedProperty().bind(model.feed().hasMore());
        more.setOnAction(e -> model.feed().loadMore());

        root = new VBox(8, filters, error, table, new HBox(more));
        root.setPadding(new Insets(10));
    }

    /** "Movie 12\n“Alien”": the kind, the id to filter by, and the name it had then. */
    static String entry(HistoryEntry entry) {
        return ChangeWording.entityType(entry.entityType()) + " " + entry.entityId() + "\n“" + entry.entityLabel()
                + "”";
    }

    private static ComboBox<String> choices(String id, String any, List<String> values, ObjectProperty<String> chosen,
                                            AuditLogViewModel model) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setPromptText(any);
        List<String> items = new ArrayList<>(List.of(ANY));
        items.addAll(values);
        box.getItems().setAll(items);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.equals(ANY) ? any : value.charAt(0)
                        + value.substring(1).toLowerCase(Locale.ROOT);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        box.valueProperty().addListener((obs, was, value) -> {
            chosen.set(value == null || value.equals(ANY) ? null : value);
            model.reload();
        });
        chosen.addListener((obs, was, now) -> {
            if (now == null && box.getValue() != null && !box.getValue().equals(ANY)) {
                box.setValue(null);
            }
        });
        return box;
    }

    private static DatePicker datePicker(String id, String prompt, ObjectProperty<java.time.LocalDate> day,
                                         AuditLogViewModel model) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPromptText(prompt);
        picker.setPrefWidth(140);
        picker.valueProperty().bindBidirectional(day);
        picker.valueProperty().addListener((obs, was, now) -> model.reload());
        return picker;
    }

    public Node root() {
        return root;
    }
}
