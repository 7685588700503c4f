package org.mymoviedb.admin;

import javafx.application.Application;

/**
 * Starts the admin. A launcher separate from {@link AdminApp} because JavaFX refuses to start an Application
 * subclass named as the main class of a plain classpath application.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Application.launch(AdminApp.class, args);
    }
}
