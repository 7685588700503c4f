package org.mymoviedb.movie;

import java.time.Duration;

/** How long a movie runs, in whole minutes and as an ISO-8601 duration. */
public record Runtime(int minutes) {

    public String iso8601() {
        return Duration.ofMinutes(minutes).toString();
    }
}
