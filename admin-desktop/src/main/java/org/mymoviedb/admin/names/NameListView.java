package org.mymoviedb.admin.names;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.mymoviedb.admin.api.NamedRef;
import org.mymoviedb.admin.shell.SafeConfirmation;

/** The genres or people screen: search, the list, and a name box to create with or rename to. */
public final class NameListView {

    private final VBox root;

    public NameListView(NameListViewModel model) {
        String kind = model.catalogue().kind();
        TextField search = new TextField();
        search.setId(kind + "Search");
        search.setPromptText("Search");
        search.textProperty().bindBidirectional(model.search());
        PauseTransition debounce = new PauseTransition(Duration.millis(300));
        debounce.setOnFinished(e -> model.reload());
        search.textProperty().addListener((obs, old, text) -> debounce.playFromStart());

        ListView<NamedRef> list = new ListView<>(model.names());
        list.setId(kind + "List");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(NamedRef item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        TextField name = new TextField();
        name.setId(kind + "Name");
        name.setPromptText("Name");
        HBox.setHgrow(name, Priority.ALWAYS);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, ref) -> {
            if (ref != null) {
                name.setText(ref.name());
            }
        });
        // A refill (after another editor's change, say) keeps the chosen name chosen and what is typed.
        model.keepingSelection(refill -> {
            NamedRef chosen = list.getSelectionModel().getSelectedItem();
            String typed = name.getText();
            refill.run();
            if (chosen != null) {
                model.names().stream().filter(ref -> ref.id().equals(chosen.id())).findFirst()
                        .ifPresent(ref -> list.getSelectionModel().select(ref));
                name.setText(typed);
            }
        });
        Button create = new Button("Create");
        create.setId("create-" + kind);
        create.disableProperty().bind(name.textProperty().isEmpty());
        create.setOnAction(e -> model.create(name.getText().strip()));
        Button rename = new Button("Rename");
        rename.setId("rename-" + kind);
        rename.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull()
                .or(name.textProperty().isEmpty()));
        rename.setOnAction(e -> model.rename(list.getSelectionModel().getSelectedItem(), name.getText().strip()));
        HBox actions = new HBox(8, name, create, rename);
        if (model.catalogue().deletable()) {
            Button delete = new Button("Delete");
            delete.setId("delete-" + kind);
            delete.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
            delete.setOnAction(e -> confirmDelete(model, list.getSelectionModel().getSelectedItem()));
            list.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.DELETE && list.getSelectionModel().getSelectedItem() != null) {
                    confirmDelete(model, list.getSelectionModel().getSelectedItem());
                }
            });
            actions.getChildren().add(delete);
        }
        actions.setAlignment(Pos.CENTER_LEFT);
        Button more = new Button("Load more");
        more.visibleProperty().bind(model.hasMore());
        more.managedProperty().bind(model.hasMore());
        more.setOnAction(e -> model.loadMore());

        Label error = new Label();
        error.setId(kind + "Error");
        error.getStyleClass().add("error-message");
        error.textProperty().bind(model.error());

        root = new VBox(8, search, list, more, actions, error);
        root.setPadding(new Insets(10));
    }

    private void confirmDelete(NameListViewModel model, NamedRef ref) {
        String kind = model.catalogue().kind();
        if (new SafeConfirmation(root.getScene().getWindow(), "confirmDelete-" + kind,
                "Delete " + kind + " “" + ref.name() + "”?",
                "person".equals(kind)
                        ? "Movies they directed lose the credit; the movies themselves stay."
                        : "Movies that have it lose it; the movies themselves stay.", "Delete", "Cancel").confirmed()) {
            model.delete(ref);
        }
    }

    public Node root() {
        return root;
    }
}
