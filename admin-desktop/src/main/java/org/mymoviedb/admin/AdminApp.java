package org.mymoviedb.admin;

import java.net.URI;
import java.time.Duration;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.stage.Stage;
import org.mymoviedb.admin.api.CatalogueClient;
import org.mymoviedb.admin.login.LoginView;
import org.mymoviedb.admin.login.LoginViewModel;
import org.mymoviedb.admin.shell.AdminSettings;
import org.mymoviedb.admin.shell.Background;

/** The admin application: the login screen first, then the main window, wired by hand. */
public class AdminApp extends Application {

    private final AdminSettings settings;
    private CatalogueClient client;
    private Background background;
    private Stage stage;
    private MainWindow mainWindow;

    /** Remembers its settings under the user's own preferences. */
    public AdminApp() {
        this(Preferences.userRoot().node("org/mymoviedb/admin"));
    }

    /** Remembers its settings under {@code preferences}: tests pass a node of their own. */
    public AdminApp(Preferences preferences) {
        this.settings = new AdminSettings(preferences);
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        Duration timeout = Duration.ofMillis(Long.getLong("mymoviedb.admin.timeoutMillis", 15_000));
        client = new CatalogueClient(URI.create(settings.serverUrl()), timeout);
        background = new Background();
        stage.setTitle("mymoviedb admin");
        // Closing the app closes the movie forms too: each asks about unsaved changes first.
        stage.setOnCloseRequest(e -> {
            if (mainWindow != null && !mainWindow.mayClose()) {
                e.consume();
            }
        });
        showLogin();
        stage.show();
    }

    private void showLogin() {
        LoginViewModel login = new LoginViewModel(client, settings, background);
        LoginView view = new LoginView(login);
        stage.setScene(view.scene());
        stage.sizeToScene();
        // The window manager may not shrink it below what the form needs (never a 200x200 window).
        stage.setMinWidth(view.root().prefWidth(-1));
        stage.setMinHeight(view.root().prefHeight(view.root().prefWidth(-1)));
        login.onSignedIn(user -> {
            mainWindow = new MainWindow(client, background, settings, user, this::signedOut);
            stage.setMinWidth(MainWindow.MIN_WIDTH);
            stage.setMinHeight(MainWindow.MIN_HEIGHT);
            stage.setScene(mainWindow.scene());
            stage.sizeToScene();
            stage.centerOnScreen();
        });
    }

    private void signedOut() {
        mainWindow = null;
        showLogin();
    }

    public Stage stage() {
        return stage;
    }

    public CatalogueClient client() {
        return client;
    }

    @Override
    public void stop() {
        if (mainWindow != null) {
            mainWindow.close();
        }
        if (background != null) {
            background.shutdown();
        }
    }
}
