package org.mymoviedb.admin.names;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.mymoviedb.admin.api.NamePage;
import org.mymoviedb.admin.api.NamedRef;
import org.mymoviedb.admin.api.UserError;
import org.mymoviedb.admin.shell.Background;
import org.mymoviedb.admin.shell.LatestOnly;

/** A list of genres or people with create, rename and delete. */
public final class NameListViewModel {

    private final NameCatalogue catalogue;
    private final Background background;
    private final ObservableList<NamedRef> names = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty hasMore = new SimpleBooleanProperty(false);
    private String endCursor;
    /** A page is on its way: scrolling and "Load more" do not ask for the same page twice. */
    private boolean loading;
    private Runnable onChanged = () -> { };
    /** How a refill of the names runs: the view keeps its selection across it. */
    private Consumer<Runnable> keepingSelection = Runnable::run;
    /** Pages for a search the box no longer holds are dropped. */
    private final LatestOnly latest = new LatestOnly();

    public NameListViewModel(NameCatalogue catalogue, Background background) {
        this.catalogue = catalogue;
        this.background = background;
        search.addListener((obs, old, typed) -> latest.supersede());
    }

    public void reload() {
        String typed = search.get();
        loading = true;
        background.run(() -> catalogue.page(typed, null), latest.newest(page -> {
            keepingSelection.accept(() -> names.setAll(page.names()));
            accept(page);
        }), latest.continuing(() -> loading = false), this::reload);
    }

    /** {@code keepingSelection} runs each refill of the first page, so the view can keep the chosen name chosen. */
    public void keepingSelection(Consumer<Runnable> keepingSelection) {
        this.keepingSelection = keepingSelection;
    }

    public void loadMore() {
        if (loading || !hasMore.get()) {
            return;
        }
        String typed = search.get();
        String after = endCursor;
        loading = true;
        background.run(() -> catalogue.page(typed, after), latest.continuing(page -> {
            names.addAll(page.names());
            accept(page);
        }), latest.continuing(() -> loading = false), this::reload);
    }

    private void accept(NamePage page) {
        hasMore.set(page.hasNextPage());
        endCursor = page.endCursor();
        loading = false;
    }

    /** Runs after every create, rename or delete: other screens that list these names read them again. */
    public void onChanged(Runnable onChanged) {
        this.onChanged = onChanged;
    }

    public void create(String name) {
        background.run(() -> catalogue.create(name), saved -> done(saved.userErrors()));
    }

    public void rename(NamedRef ref, String name) {
        background.run(() -> catalogue.rename(ref.id(), name), saved -> done(saved.userErrors()));
    }

    public void delete(NamedRef ref) {
        background.run(() -> catalogue.delete(ref.id()), this::done);
    }

    private void done(List<UserError> errors) {
        error.set(String.join("; ", errors.stream().map(UserError::message).toList()));
        reload();
        onChanged.run();
    }

    /** For the movie form's pickers: names containing {@code typed}. */
    public void suggest(String typed, Consumer<List<String>> found) {
        background.run(() -> catalogue.page(typed, null),
                page -> found.accept(page.names().stream().map(NamedRef::name).toList()));
    }

    public NameCatalogue catalogue() {
        return catalogue;
    }

    public ObservableList<NamedRef> names() {
        return names;
    }

    public StringProperty search() {
        return search;
    }

    public StringProperty error() {
        return error;
    }

    public BooleanProperty hasMore() {
        return hasMore;
    }
}
