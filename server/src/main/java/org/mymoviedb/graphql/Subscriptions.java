package org.mymoviedb.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.SubscriptionExecutionStrategy;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.mymoviedb.base.ApiException;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.data.DatabaseExecutor;
import org.mymoviedb.graphql.live.LiveContext;
import org.mymoviedb.live.LiveAnswer;
import org.mymoviedb.live.LiveException;
import org.mymoviedb.feed.LiveFeed;
import org.mymoviedb.live.LiveMessage;
import org.mymoviedb.feed.OutboxPosition;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Runs an operation for a streaming transport: a subscription becomes its stream of events, each run through the
 * operation's selection by graphql-java (with the subscriber's viewer, so guarded fields keep their role); a query
 * or mutation becomes a stream of its one result. Anything refused before the first event (a bad resume point, a
 * document that does not validate, a full instance) is a refusal instead.
 */
final class Subscriptions {

    private final LiveFeed feed;
    private final DatabaseExecutor executor;

    Subscriptions(LiveFeed feed, DatabaseExecutor executor) {
        this.feed = feed;
        this.executor = executor;
    }

    /**
     * {@code input} builds the request's execution input (its own loaders and viewer); {@code execution} runs it.
     * A {@code lastEventId} is checked against the resume window first, on the database executor.
     */
    public CompletableFuture<LiveAnswer> subscribe(String lastEventId, Supplier<ExecutionInput> input,
                                                   Function<ExecutionInput, CompletableFuture<ExecutionResult>> execution) {
        CompletableFuture<OutboxPosition> resume = lastEventId == null || lastEventId.isBlank()
                ? CompletableFuture.completedFuture(null) : executor.supply(() -> feed.resumePoint(lastEventId.trim()));
        return resume.thenCompose(position -> {
            ExecutionInput in = input.get();
            LiveContext context = new LiveContext(position);
            in.getGraphQLContext().put(LiveContext.KEY, context);
            in.getGraphQLContext().put(SubscriptionExecutionStrategy.KEEP_SUBSCRIPTION_EVENTS_ORDERED, true);
            return execution.apply(in).thenApply(result -> answer(result, context));
        }).exceptionally(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof ApiException api) {
                return LiveAnswer.refused(ResponseErrors.requestError(api.code(), api.getMessage()));
            }
            throw failure instanceof CompletionException c ? c : new CompletionException(failure);
        });
    }

    private static LiveAnswer answer(ExecutionResult result, LiveContext context) {
        if (result.getData() instanceof Publisher<?> events) {
            @SuppressWarnings("unchecked")
            Publisher<ExecutionResult> results = (Publisher<ExecutionResult>) events;
            return LiveAnswer.streaming(messages(results, context));
        }
        Map<String, Object> spec = ResponseErrors.toSpecification(result);
        if (!spec.containsKey("data") || result.getData() == null && !result.getErrors().isEmpty()) {
            return LiveAnswer.refused(spec);
        }
        return LiveAnswer.streaming(single(new LiveMessage(null, spec)));
    }

    /** Each result with the id of its event; failures as a LiveException with their code. */
    private static Publisher<LiveMessage> messages(Publisher<ExecutionResult> results, LiveContext context) {
        return subscriber -> results.subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscriber.onSubscribe(subscription);
            }

            @Override
            public void onNext(ExecutionResult result) {
                subscriber.onNext(new LiveMessage(context.answered(), ResponseErrors.toSpecification(result)));
            }

            @Override
            public void onError(Throwable failure) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                subscriber.onError(cause instanceof LiveException live ? live
                        : cause instanceof ApiException api ? new LiveException(api.code(), api.getMessage())
                        : new LiveException(ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error"));
            }

            @Override
            public void onComplete() {
                subscriber.onComplete();
            }
        });
    }

    /** One message, then the end: a query or mutation sent to a streaming transport. */
    private static Publisher<LiveMessage> single(LiveMessage message) {
        return subscriber -> subscriber.onSubscribe(new Subscription() {
            private boolean done;

            @Override
            public void request(long n) {
                synchronized (this) {
                    if (done || n <= 0) {
                        return;
                    }
                    done = true;
                }
                subscriber.onNext(message);
                subscriber.onComplete();
            }

            @Override
            public void cancel() {
                synchronized (this) {
                    done = true;
                }
            }
        });
    }
}
