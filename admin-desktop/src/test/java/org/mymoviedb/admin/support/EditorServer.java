package org.mymoviedb.admin.support;

import org.mymoviedb.auth.PasswordHasher;
import org.mymoviedb.auth.Role;
import org.mymoviedb.auth.UserAccounts;
import org.mymoviedb.testing.TestServer;

/** A real server on a fresh database of the calling test class's own, with an editor account to sign in as. */
public final class EditorServer {

    public static final String EDITOR = "editor";
    public static final String PASSWORD = "a long password";

    private EditorServer() {
    }

    public static TestServer start() {
        TestServer server = TestServer.start();
        new UserAccounts(server.database().dsl(), new PasswordHasher()).create(null, EDITOR, PASSWORD, Role.EDITOR);
        return server;
    }
}
