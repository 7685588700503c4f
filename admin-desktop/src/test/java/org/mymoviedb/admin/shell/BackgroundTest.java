package org.mymoviedb.admin.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mymoviedb.admin.api.ApiException;
import org.mymoviedb.admin.support.XvfbDisplay;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A call that fails in a way nobody planned for still ends: the screen that asked hears of it and stops waiting. */
@ExtendWith(XvfbDisplay.class)
class BackgroundTest {

    private Background background;

    @BeforeEach
    void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        background = new Background();
    }

    @AfterEach
    void shutdown() {
        background.shutdown();
    }

    @Test
    void aBugInACallReachesTheScreensOwnFailureHandlerAndEndsTheBusyState() throws Exception {
        CompletableFuture<ApiException> heard = new CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> background.run(() -> {
            throw new NullPointerException("an answer without data");
        }, result -> heard.completeExceptionally(new AssertionError("succeeded")), heard::complete));

        ApiException failure = heard.get(15, TimeUnit.SECONDS);
        assertThat(failure.code()).isEqualTo(ApiException.ADMIN_FAULT);
        assertThat(failure.getMessage()).startsWith("Something went wrong in the admin: ")
                .contains("an answer without data");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(background.busy().get()).isFalse();
        assertThat(background.problem().get()).isNull();
    }
}
