package org.mymoviedb.admin.shell;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
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
 * the session expired waits for the editor to sign in again, then runs again. Where calls run and where their
 * results land are given to it: the app uses a thread pool and the FX thread, a view-model's unit test can run
 * both on its own thread.
 */
public final class Background {

    /** What went wrong, and how to try again (null when retrying would not help). */
    public record Problem(String message, Runnable retry) {
    }

    /** Asks the editor to sign in again, then runs the given action (the call that was refused). */
    public interface SignInAgain {
        void then(Runnable retry);
    }

    private final Executor calls;
    private final Executor fxThread;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    private int running;
    private SignInAgain signInAgain;
    /** The banner a failed call put up: the next call that succeeds takes it down, since the problem is gone. */
    private Problem failure;

    /** Calls run on their own threads; results land on the FX thread. */
    public Background() {
        this(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "catalogue-call");
            thread.setDaemon(true);
            return thread;
        }), Platform::runLater);
    }

    /** Calls run on {@code calls}; results, failures and {@link #publish} land on {@code fxThread}. */
    public Background(Executor calls, Executor fxThread) {
        this.calls = calls;
        this.fxThread = fxThread;
    }

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
        run(call, onSuccess, onFailure, null, null);
    }

    /**
     * For a screen that shows the answer of its newest call: {@code onFailed} runs after any failure (so a
     * "loading" state never sticks), and the banner's Retry runs {@code retry} (reload what the screen shows now)
     * instead of the failed call, whose question may no longer be the screen's.
     */
    public <T> void run(Callable<T> call, Consumer<T> onSuccess, Runnable onFailed, Runnable retry) {
        run(call, onSuccess, null, onFailed, retry);
    }

    private <T> void run(Callable<T> call, Consumer<T> onSuccess, Consumer<ApiException> onFailure,
                         Runnable onFailed, Runnable retryInstead) {
        started();
        calls.execute(() -> {
            try {
                T result = call.call();
                fxThread.execute(() -> {
                    finished();
                    if (failure != null && problem.get() == failure) {
                        problem.set(null);
                    }
                    failure = null;
                    onSuccess.accept(result);
                });
            } catch (ApiException e) {
                fxThread.execute(() -> {
                    finished();
                    Runnable again = retryInstead != null ? retryInstead
                            : () -> run(call, onSuccess, onFailure, onFailed, null);
                    failed(e, again, onFailure);
                    if (onFailed != null) {
                        onFailed.run();
                    }
                });
            } catch (Exception e) {
                // A bug of ours: said where the editor looks (the banner, or the login form's message) rather than
                // in a stack-trace dialog, and never left spinning.
                ApiException bug = new ApiException(ApiException.ADMIN_FAULT, "Something went wrong in the admin: " + e);
                fxThread.execute(() -> {
                    finished();
                    failed(bug, null, onFailure);
                    if (onFailed != null) {
                        onFailed.run();
                    }
                });
            }
        });
    }

    /** Runs {@code update} where results land: how a call in flight tells its screen something before it ends. */
    public void publish(Runnable update) {
        fxThread.execute(update);
    }

    private void failed(ApiException e, Runnable retry, Consumer<ApiException> onFailure) {
        if (onFailure != null) {
            onFailure.accept(e);
        } else if (e.code().equals(ApiException.UNAUTHENTICATED) && signInAgain != null) {
            signInAgain.then(retry);
        } else if (e.transientFailure()) {
            failure = new Problem(e.getMessage(), () -> {
                problem.set(null);
                retry.run();
            });
            problem.set(failure);
        } else {
            failure = new Problem(e.getMessage(), null);
            problem.set(failure);
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
        if (calls instanceof ExecutorService pool) {
            pool.shutdownNow();
        }
    }
}
