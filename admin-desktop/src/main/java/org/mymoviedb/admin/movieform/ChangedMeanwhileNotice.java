package org.mymoviedb.admin.movieform;

import java.time.Instant;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Label;
import javafx.util.Duration;

/** The form's line about other editors' changes to its movie, its "20 s ago" ticking while it shows. */
public final class ChangedMeanwhileNotice {

    private final Label label = new Label();
    private final Timeline ticking;

    public ChangedMeanwhileNotice(ChangedMeanwhile changes) {
        label.setId("changedMeanwhile");
        label.getStyleClass().add("changed-meanwhile");
        label.setWrapText(true);
        label.textProperty().bind(changes.text());
        label.visibleProperty().bind(changes.text().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        ticking = new Timeline(new KeyFrame(Duration.seconds(1), e -> changes.tick(Instant.now())));
        ticking.setCycleCount(Timeline.INDEFINITE);
        // Ticks only while there is something to say.
        changes.text().addListener((obs, was, now) -> {
            if (now.isEmpty()) {
                ticking.stop();
            } else {
                ticking.play();
            }
        });
    }

    /** The form closed: no more ticking. */
    public void stop() {
        ticking.stop();
    }

    public Label node() {
        return label;
    }
}
