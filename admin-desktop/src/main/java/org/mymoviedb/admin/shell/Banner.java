package org.mymoviedb.admin.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The strip across the top of a window that says what failed, with Retry; it never blocks the window. */
public final class Banner extends HBox {

    public Banner(Background background) {
        setId("banner");
        getStyleClass().add("banner");
        setPadding(new Insets(6, 10, 6, 10));
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("bannerMessage");
        message.setWrapText(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button retry = new Button("Retry");
        retry.setId("retry");
        Button dismiss = new Button("Dismiss");
        dismiss.setOnAction(e -> background.problem().set(null));
        getChildren().addAll(message, gap, retry, dismiss);
        background.problem().addListener((obs, old, problem) -> {
            boolean shown = problem != null;
            setVisible(shown);
            setManaged(shown);
            message.setText(shown ? problem.message() : "");
            retry.setVisible(shown && problem.retry() != null);
            retry.setOnAction(shown && problem.retry() != null ? e -> problem.retry().run() : null);
        });
        setVisible(false);
        setManaged(false);
    }
}
