package org.mymoviedb.admin.shell;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.mymoviedb.admin.api.ApiException;

/**
 * Runs every network call off the FX thread and brings its result back onto it. While calls run, {@link #busy}
 * is true; a call the server could not answer becomes a {@link Problem} with a Retry, and one refused because
 * the session expired waits for the editor to sign in again, then runs again.
 */
public final class Background {

    /** What went wrong, and how to try again (null when retrying would not help). */
    public record Problem(String message, Runnable retry) {
    }

    /** Asks the editor to sign in again, then runs the given action (the call that was refused). */
    public interface SignInAgain {
        void then(Runnable retry);
    }

    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "catalogue-call");
        thread.setDaemon(true);
        return thread;
    });
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    private int running;
    private SignInAgain signInAgain;

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    public ObjectProperty<Problem> problem() {
        return problem;
    }

    public void signInAgain(SignInAgain signInAgain) {
        this.signInAgain = signInAgain;
    }

    /** Runs {@code call} off the FX thread; {@code onSuccess} gets its result on the FX thread. */
    public <T> void run(Callable<T> call, Consumer<T> onSuccess) {
        run(call, onSuccess, null);
    }

    /**
     * The same; {@code onFailure}, when given, gets every ApiException instead of the banner (the login screen
     * shows its own errors).
     */
    public <T> void run(Callable<T> call, Consumer<T> onSuccess, Consumer<ApiException> onFailure) {
        started();
        executor.execute(() -> {
            try {
                T result = call.call();
                Platform.runLater(() -> {
                    finished();
                    onSuccess.accept(result);
                });
            } catch (ApiException e) {
                Platform.runLater(() -> {
                    finished();
                    failed(e, () -> run(call, onSuccess, onFailure), onFailure);
                });
            } catch (Exception e) {
                // A bug of ours: said where the editor looks (the banner, or the login form's message) rather than
                // in a stack-trace dialog, and never left spinning.
                ApiException bug = new ApiException(ApiException.ADMIN_FAULT, "Something went wrong in the admin: " + e);
                Platform.runLater(() -> {
                    finished();
                    failed(bug, null, onFailure);
                });
            }
        });
    }

    private void failed(ApiException e, Runnable retry, Consumer<ApiException> onFailure) {
        if (onFailure != null) {
            onFailure.accept(e);
        } else if (e.code().equals(ApiException.UNAUTHENTICATED) && signInAgain != null) {
            signInAgain.then(retry);
        } else if (e.transientFailure()) {
            problem.set(new Problem(e.getMessage(), () -> {
                problem.set(null);
                retry.run();
            }));
        } else {
            problem.set(new Problem(e.getMessage(), null));
        }
    }

    private void started() {
        running++;
        busy.set(true);
    }

    private void finished() {
        running--;
        busy.set(running > 0);
    }

    public void shutdown() {
        executor.shutdownNow();
    }
}
