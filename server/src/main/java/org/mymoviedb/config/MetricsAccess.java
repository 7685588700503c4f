package org.mymoviedb.config;

/**
 * Who may read /metrics: with a token (METRICS_TOKEN), whoever sends {@code Authorization: Bearer <token>}; without
 * one, only clients on this machine that did not come through a proxy.
 *
 * @param token the token, or null
 */
public record MetricsAccess(String token) {

    /** Never prints the token, so the configuration may be logged. */
    @Override
    public String toString() {
        return token == null ? "MetricsAccess[local clients only]" : "MetricsAccess[token]";
    }
}
