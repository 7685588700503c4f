package org.mymoviedb.live;

import java.time.Duration;

/**
 * What live updates may hold and send.
 *
 * @param maxSubscriptions              open subscriptions on this instance, all transports (LIVE_MAX_SUBSCRIPTIONS,
 *                                      default 10000)
 * @param maxSubscriptionsPerConnection subscriptions one WebSocket connection may hold
 *                                      (LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION, default 100)
 * @param maxEventsPerSecond            events one connection is sent a second (LIVE_MAX_EVENTS_PER_SECOND,
 *                                      default 1000)
 * @param maxQueuedEvents               events waiting for one subscriber before it is cut off with SLOW_CONSUMER
 *                                      (LIVE_MAX_QUEUED_EVENTS, default 1000)
 * @param resumeMaxEvents               events a resume may replay (LIVE_RESUME_MAX_EVENTS, default 10000)
 * @param pollMillis                    how often the feed reads history without a notification
 *                                      (LIVE_POLL_MS, default 1000)
 * @param retention                     how far back a resume may reach (LIVE_RETENTION, in hours, default 24)
 * @param batchMillis                   the least time between two reads of new history (LIVE_BATCH_MS, default 20):
 *                                      the writes of that time reach each subscriber together, in one socket write
 *                                      per stream instead of one per event; 0 reads at every notification
 */
public record LiveLimits(int maxSubscriptions, int maxSubscriptionsPerConnection, int maxEventsPerSecond,
                         int maxQueuedEvents, int resumeMaxEvents, int pollMillis, Duration retention,
                         int batchMillis) {

    public static LiveLimits defaults() {
        return new LiveLimits(10_000, 100, 1_000, 1_000, 10_000, 1_000, Duration.ofHours(24), 20);
    }
}
