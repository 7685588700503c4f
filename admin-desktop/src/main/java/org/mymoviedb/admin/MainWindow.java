package org.mymoviedb.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.mymoviedb.admin.api.CatalogueChange;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.api.Movie;
import org.mymoviedb.admin.api.SignedInUser;
import org.mymoviedb.admin.audit.AuditLogView;
import org.mymoviedb.admin.audit.AuditLogViewModel;
import org.mymoviedb.admin.history.HistoryView;
import org.mymoviedb.admin.history.HistoryViewModel;
import org.mymoviedb.admin.login.LoginView;
import org.mymoviedb.admin.login.LoginViewModel;
import org.mymoviedb.admin.live.LiveFeed;
import org.mymoviedb.admin.live.LiveStatus;
import org.mymoviedb.admin.movieform.ChangedMeanwhile;
import org.mymoviedb.admin.movieform.ChangedMeanwhileNotice;
import org.mymoviedb.admin.movieform.MovieFormView;
import org.mymoviedb.admin.movieform.MovieFormViewModel;
import org.mymoviedb.admin.movieform.OpenForms;
import org.mymoviedb.admin.movies.MovieListTools;
import org.mymoviedb.admin.movies.LiveRows;
import org.mymoviedb.admin.movies.MovieListView;
import org.mymoviedb.admin.movies.MovieListViewModel;
import org.mymoviedb.admin.names.GenreCatalogue;
import org.mymoviedb.admin.names.NameListView;
import org.mymoviedb.admin.names.NameListViewModel;
import org.mymoviedb.admin.names.PersonCatalogue;
import org.mymoviedb.admin.shell.AdminSettings;
import org.mymoviedb.admin.shell.Background;
import org.mymoviedb.admin.shell.Banner;
import org.mymoviedb.admin.shell.Notice;
import org.mymoviedb.admin.shell.AdminStyles;
import org.mymoviedb.admin.shell.Windows;
import org.mymoviedb.admin.users.ChangePasswordDialog;
import org.mymoviedb.admin.users.ChangePasswordViewModel;
import org.mymoviedb.admin.users.UsersView;
import org.mymoviedb.admin.users.UsersViewModel;

/**
 * The signed-in window: who is signed in, the banner, and the movies, genres and people screens. It is where the
 * screens meet: each gets what it needs from the others as a callback, so no screen knows another.
 */
public final class MainWindow {

    /** The narrowest the window gets: the filter bar wraps and the panels keep readable widths down to here. */
    static final double MIN_WIDTH = 760;
    static final double MIN_HEIGHT = 520;

    private final CatalogueClient client;
    private final Background background;
    private final AdminSettings settings;
    private final Scene scene;
    private final MovieListViewModel movies;
    private final MovieListView movieList;
    private final HistoryViewModel history;
    private final NameListViewModel genres;
    private final NameListViewModel people;
    private final TabPane tabs;
    private final SignedInUser user;
    /** Who is really signed in: the header shows it, and a new sign-in (a changed role, say) updates it. */
    private final ObjectProperty<SignedInUser> signedIn;
    private final List<Tab> adminTabs;
    private final Runnable onSignedOut;
    private final List<Runnable> waitingForSignIn = new ArrayList<>();
    /** The movie forms open over this window, one per movie. */
    private final OpenForms forms = new OpenForms();
    /** What just worked ("Saved “Alien” (1979-05-25)"), across the top without blocking anything. */
    private final Notice notice = new Notice("notice");
    /** Other editors' changes, as they commit. */
    private final LiveFeed live;
    /** How often the live feed asks for changes when the server has no push. */
    private final Duration pollEvery = Duration.ofMillis(Long.getLong("mymoviedb.admin.pollMillis", 5_000));

    public MainWindow(CatalogueClient client, Background background, AdminSettings settings, SignedInUser user,
                      Runnable onSignedOut) {
        this.client = client;
        this.background = background;
        this.settings = settings;
        this.user = user;
        this.signedIn = new SimpleObjectProperty<>(user);
        this.live = new LiveFeed(client, background, pollEvery);
        this.onSignedOut = () -> {
            live.stop();
            onSignedOut.run();
        };
        movies = new MovieListViewModel(client, background);
        history = new HistoryViewModel(client, background);
        movieList = new MovieListView(movies, new HistoryView(history).root(), history::show, this::edit);
        new MovieListTools(client, background, movies, movieList, settings);
        genres = new NameListViewModel(new GenreCatalogue(client), background);
        people = new NameListViewModel(new PersonCatalogue(client), background);
        genres.onChanged(movies::loadGenres);
        hearLive();

        Tab moviesTab = new Tab("Movies", movieList.root());
        Tab genresTab = new Tab("Genres", new NameListView(genres).root());
        genresTab.setId("genresTab");
        Tab peopleTab = new Tab("People", new NameListView(people).root());
        peopleTab.setId("peopleTab");
        tabs = new TabPane(moviesTab, genresTab, peopleTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        genresTab.setOnSelectionChanged(e -> {
            if (genresTab.isSelected()) {
                genres.reload();
            }
        });
        peopleTab.setOnSelectionChanged(e -> {
            if (peopleTab.isSelected()) {
                people.reload();
            }
        });

        Label brand = new Label("mymoviedb admin");
        brand.getStyleClass().add("brand");
        Label who = new Label();
        who.setId("signedInAs");
        who.textProperty().bind(Bindings.createStringBinding(() -> "Signed in as " + signedIn.get().username()
                + " (" + signedIn.get().role().toLowerCase() + ")", signedIn));
        Button changePassword = new Button("Change password…");
        changePassword.setId("changePassword");
        changePassword.setOnAction(e -> new ChangePasswordDialog(changePassword.getScene().getWindow(),
                new ChangePasswordViewModel(client, background)).show());
        Button logout = new Button("Sign out");
        logout.setId("logout");
        logout.setOnAction(e -> {
            // The forms are not modal: each asks about its unsaved changes before the session goes.
            if (!forms.closeAll()) {
                return;
            }
            background.run(() -> {
                client.logout();
                return true;
            }, done -> onSignedOut.run(), failed -> onSignedOut.run());
        });
        ProgressBar progress = new ProgressBar();
        progress.setId("progress");
        progress.setPrefWidth(90);
        progress.visibleProperty().bind(background.busy());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(12, brand, progress, LiveStatus.label(live, pollEvery), gap, who, changePassword,
                logout);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8, 10, 8, 10));
        top.getStyleClass().add("top-bar");

        adminTabs = adminTabs();
        showAdminTabs(user);
        signedIn.addListener((obs, was, now) -> showAdminTabs(now));

        BorderPane root = new BorderPane(notice.over(tabs));
        root.setTop(new VBox(top, new Banner(background)));
        scene = AdminStyles.on(new Scene(root, 1280, 780));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), () -> edit(null));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            tabs.getSelectionModel().select(moviesTab);
            movieList.focusSearch();
        });
        background.signInAgain(this::signInAgain);

        movies.reload();
        movies.loadGenres();
        live.start();
        // The window gone (signed out, the app closed): the feed goes with it.
        scene.windowProperty().addListener((obs, was, window) -> {
            if (window == null) {
                live.stop();
            } else {
                window.showingProperty().addListener((o, wasShowing, showing) -> {
                    if (!showing) {
                        live.stop();
                    }
                });
            }
        });
    }

    /** Wires the live feed to the screens: the list's rows, the genre and people lists, the genre filter. */
    private void hearLive() {
        live.listen(new LiveRows(movies, client, background, movieList::keepingSelection)::heard);
        live.listen(change -> {
            // The editor's own changes to names already refresh what shows them.
            if (signedIn.get().username().equals(change.username())) {
                return;
            }
            if (CatalogueChange.GENRE.equals(change.entityType())) {
                genres.reload();
                movies.loadGenres();
            } else if (CatalogueChange.PERSON.equals(change.entityType())) {
                people.reload();
            }
        });
        // Changes may have been missed: read what the screens show afresh.
        live.onResync(() -> {
            movies.reload();
            movies.loadGenres();
        });
    }

    /**
     * Opens the movie form over this window: for a new movie when given null. A movie whose form is open
     * already gets that form brought to the front.
     */
    public void edit(Movie movie) {
        forms.open(movie, () -> {
            MovieFormViewModel form = new MovieFormViewModel(client, background);
            form.load(movie);
            MovieFormView view = new MovieFormView(scene.getWindow(), form, background, genres::suggest, people::suggest,
                    new MovieFormView.Host() {
                        @Override
                        public void saved(Movie saved) {
                            movieList.showSaved(saved);
                            movies.loadGenres();
                            history.refresh(saved.id());
                        }

                        @Override
                        public void deleted(Movie deleted) {
                            movies.reload();
                            history.refresh(deleted.id());
                        }

                        @Override
                        public Node history(Movie shown) {
                            HistoryViewModel movieHistory = new HistoryViewModel(client, background);
                            movieHistory.show(shown);
                            return new HistoryView(movieHistory).root();
                        }

                        @Override
                        public void announce(String message) {
                            notice.say(message);
                        }
                    });
            showChangesMeanwhile(form, view);
            return view;
        });
    }

    /**
     * Whether the window may close: each open movie form asks about its unsaved changes first; false when the
     * editor keeps one open.
     */
    public boolean mayClose() {
        return forms.closeAll();
    }

    /** The form says when another editor changes its movie, until it closes. */
    private void showChangesMeanwhile(MovieFormViewModel form, MovieFormView view) {
        ChangedMeanwhile meanwhile = new ChangedMeanwhile(form, signedIn.get().username());
        ChangedMeanwhileNotice notice = new ChangedMeanwhileNotice(meanwhile);
        view.notice(notice.node());
        Runnable deaf = live.listen(change -> meanwhile.heard(change, Instant.now()));
        view.stage().addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            deaf.run();
            notice.stop();
        });
    }

    /**
     * The session expired: asks for the same account's password over whatever window the editor is in, then
     * carries on with the call that was refused, so nothing typed is lost and every write is still this
     * window's account's. Working as someone else is the dialog's explicit other choice.
     */
    private void signInAgain(Runnable retry) {
        // Several calls may be refused at once; one dialog serves them all.
        waitingForSignIn.add(retry);
        if (waitingForSignIn.size() > 1) {
            return;
        }
        // Owned by the main window, never by a form: "sign in as someone else" closes the forms, and a dialog
        // owned by one would close with it. Application-modal, so no form takes edits meanwhile.
        Stage dialog = new Stage();
        dialog.initOwner(scene.getWindow());
        dialog.initModality(Modality.APPLICATION_MODAL);
        dialog.setTitle("Sign in again");
        LoginViewModel login = LoginViewModel.again(client, settings, background, user);
        login.onSignedIn(same -> {
            signedIn.set(same);
            List<Runnable> retries = List.copyOf(waitingForSignIn);
            dialog.close();
            retries.forEach(Runnable::run);
        });
        login.onSomeoneElse(() -> signInAsSomeoneElse(dialog));
        // Closing the dialog without signing in leaves the refused calls undone, and the next call asks again.
        dialog.setOnHidden(e -> waitingForSignIn.clear());
        dialog.setScene(new LoginView(login).scene());
        Windows.showOver(dialog, scene.getWindow());
    }

    /**
     * Back to the login screen, once every window over this one has closed through its own unsaved-work guard;
     * an editor who keeps a form open stays in the dialog, with nothing lost.
     */
    private void signInAsSomeoneElse(Stage dialog) {
        List<Window> above = new ArrayList<>(Window.getWindows().stream()
                .filter(window -> window != dialog && window instanceof Stage && ownedByThis(window)).toList());
        // The newest first: a side-by-side view closes before the form it belongs to.
        Collections.reverse(above);
        for (Window window : above) {
            window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST));
            if (window.isShowing()) {
                return;
            }
        }
        dialog.close();
        client.forgetSession();
        onSignedOut.run();
    }

    private boolean ownedByThis(Window window) {
        for (Window owner = ownerOf(window); owner != null; owner = ownerOf(owner)) {
            if (owner == scene.getWindow()) {
                return true;
            }
        }
        return false;
    }

    private static Window ownerOf(Window window) {
        return window instanceof Stage stage ? stage.getOwner() : null;
    }

    /** The admins' screens: accounts and the audit log, each read afresh when chosen. */
    private List<Tab> adminTabs() {
        UsersViewModel users = new UsersViewModel(client, background);
        Tab usersTab = new Tab("Users", new UsersView(users).root());
        usersTab.setId("usersTab");
        usersTab.setOnSelectionChanged(e -> {
            if (usersTab.isSelected()) {
                users.reload();
            }
        });
        AuditLogViewModel audit = new AuditLogViewModel(client, background, java.time.ZoneId.systemDefault());
        Tab auditTab = new Tab("Audit log", new AuditLogView(audit).root());
        auditTab.setId("auditTab");
        auditTab.setOnSelectionChanged(e -> {
            if (auditTab.isSelected()) {
                audit.loadUsers();
                audit.reload();
            }
        });
        return List.of(usersTab, auditTab);
    }

    /** Admins see the admins' screens; editors never do (the server would refuse them anyway). */
    private void showAdminTabs(SignedInUser who) {
        boolean admin = "ADMIN".equals(who.role());
        if (admin && !tabs.getTabs().containsAll(adminTabs)) {
            tabs.getTabs().addAll(adminTabs);
        } else if (!admin) {
            tabs.getTabs().removeAll(adminTabs);
        }
    }

    public Scene scene() {
        return scene;
    }

    /** The app is closing: the live feed stops, so no change lands on screens that are gone. */
    public void close() {
        live.stop();
    }
}
