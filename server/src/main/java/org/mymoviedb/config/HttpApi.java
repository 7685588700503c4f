package org.mymoviedb.config;

/**
 * What /graphql offers HTTP clients beyond one operation per request.
 *
 * @param maxBatchSize          operations one batch (a JSON array POSTed) may hold (MAX_BATCH_SIZE, default 10;
 *                              1 allows batches of one)
 * @param cacheMaxAgeSeconds    how long browsers and shared caches may keep an anonymous GET answer
 *                              (HTTP_CACHE_MAX_AGE_SECONDS, default 5; 0: revalidate every time, with its ETag)
 */
public record HttpApi(int maxBatchSize, int cacheMaxAgeSeconds) {

    public static HttpApi defaults() {
        return new HttpApi(10, 5);
    }
}
