package org.mymoviedb.admin.shell;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** A read-only table column of text worked out from each row. */
public final class TextColumn {

    private TextColumn() {
    }

    public static <R> TableColumn<R, String> of(String name, Function<R, String> value, double prefWidth) {
        TableColumn<R, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(prefWidth);
        return column;
    }
}
