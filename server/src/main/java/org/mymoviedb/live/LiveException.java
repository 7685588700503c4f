package org.mymoviedb.live;

import org.mymoviedb.base.ApiException;
import org.mymoviedb.base.ErrorCode;

/** Why a subscription's stream ended (or was refused): SLOW_CONSUMER, RESUME_TOO_OLD, SUBSCRIPTION_LIMIT... */
public final class LiveException extends ApiException {

    public LiveException(ErrorCode code, String message) {
        super(code, message);
    }
}
