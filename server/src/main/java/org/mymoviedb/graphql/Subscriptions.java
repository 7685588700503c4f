package org.mymoviedb.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.SubscriptionExecutionStrategy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import org.mymoviedb.auth.User;
import org.mymoviedb.auth.Viewer;
import org.mymoviedb.base.ApiException;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.data.DatabaseExecutor;
import org.mymoviedb.feed.LiveEvent;
import org.mymoviedb.graphql.live.LiveContext;
import org.mymoviedb.graphql.live.LiveFetchers;
import org.mymoviedb.live.LiveAnswer;
import org.mymoviedb.live.LiveException;
import org.mymoviedb.feed.LiveFeed;
import org.mymoviedb.live.LiveMessage;
import org.mymoviedb.feed.OutboxPosition;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Runs an operation for a streaming transport: a subscription becomes its stream of events, a query or mutation a
 * stream of its one result. Anything refused before the first event (a bad resume point, a document that does not
 * validate, a full instance) is a refusal instead.
 *
 * <p>Each event's result is executed by graphql-java once for every group of alike subscriptions (same document,
 * operation and variables, and the same viewer: anonymous, or one user in one role, so guarded fields keep their
 * role) and shared, with its JSON, by all of them; each subscriber keeps its own queue, order and limits in the
 * feed. The shared results are kept in a Caffeine memo bounded in entries and time, keyed by the group's one
 * identity and the entry's number, so that reaching a shared result costs a subscriber a hash look-up.
 */
final class Subscriptions {

    /** Alike subscriptions: their events' results are the same. */
    private record Group(String document, String operationName, Map<String, Object> variables, Long userId,
                         String role) {
    }

    /** A group's one identity, shared by its subscriptions while any is open: compared by reference. */
    private static final class GroupRef {
    }

    /** One event's message for one group. */
    private record Shared(GroupRef group, long entryId) {
    }

    private final LiveFeed feed;
    private final DatabaseExecutor executor;
    private final Cache<Shared, CompletableFuture<LiveMessage>> shared = Caffeine.newBuilder()
            .maximumSize(20_000).expireAfterWrite(Duration.ofSeconds(30)).build();
    /** Alike subscriptions' one group identity (held by its open subscriptions: weak here). */
    private final Cache<Group, GroupRef> groups = Caffeine.newBuilder().weakValues().build();
    private final LongAdder executions = new LongAdder();

    Subscriptions(LiveFeed feed, DatabaseExecutor executor) {
        this.feed = feed;
        this.executor = executor;
    }

    /** How many events' results were executed (once per group of alike subscriptions and event). */
    long eventExecutions() {
        return executions.sum();
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
            LiveContext context = LiveContext.subscription(position);
            live(in, context);
            return group(in).thenCompose(group -> {
                GroupRef ref = groups.get(group, g -> new GroupRef());
                return execution.apply(in).thenApply(result -> answer(result, context,
                        event -> message(ref, event, input, execution)));
            });
        }).exceptionally(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof ApiException api) {
                return LiveAnswer.refused(ResponseErrors.requestError(api.code(), api.getMessage()));
            }
            throw failure instanceof CompletionException c ? c : new CompletionException(failure);
        });
    }

    private static void live(ExecutionInput in, LiveContext context) {
        in.getGraphQLContext().put(LiveContext.KEY, context);
        in.getGraphQLContext().put(SubscriptionExecutionStrategy.KEEP_SUBSCRIPTION_EVENTS_ORDERED, true);
    }

    private static CompletableFuture<Group> group(ExecutionInput in) {
        Viewer viewer = in.getGraphQLContext().get(Viewer.KEY);
        CompletableFuture<Optional<User>> user = viewer == null
                ? CompletableFuture.completedFuture(Optional.empty()) : viewer.user();
        return user.thenApply(u -> new Group(in.getQuery(), in.getOperationName(), in.getVariables(),
                u.map(User::id).orElse(null), u.map(x -> x.role().name()).orElse(null)));
    }

    private static LiveAnswer answer(ExecutionResult result, LiveContext context,
                                     Function<LiveEvent, CompletableFuture<LiveMessage>> messages) {
        if (result.getData() instanceof Publisher<?> && context.events() != null) {
            return LiveAnswer.streaming(failingWithCodes(new OrderedMessages(context.events(), messages)));
        }
        Map<String, Object> spec = ResponseErrors.toSpecification(result);
        if (!spec.containsKey("data") || result.getData() == null && !result.getErrors().isEmpty()) {
            return LiveAnswer.refused(spec);
        }
        return LiveAnswer.streaming(LiveFetchers.one(new LiveMessage(null, spec)));
    }

    /** The group's message for {@code event}: executed by the first subscriber of the group to reach it. */
    private CompletableFuture<LiveMessage> message(GroupRef group, LiveEvent event, Supplier<ExecutionInput> input,
                                                   Function<ExecutionInput, CompletableFuture<ExecutionResult>> execution) {
        Shared key = new Shared(group, event.entry().id());
        CompletableFuture<LiveMessage> mine = new CompletableFuture<>();
        CompletableFuture<LiveMessage> theirs = shared.asMap().putIfAbsent(key, mine);
        if (theirs != null) {
            return theirs;
        }
        executions.increment();
        ExecutionInput in = input.get();
        live(in, LiveContext.event(event));
        execution.apply(in).thenCompose(Subscriptions::first).whenComplete((result, failure) -> {
            if (failure != null) {
                shared.asMap().remove(key, mine); // a failure is not shared with later subscribers
                mine.completeExceptionally(failure);
            } else {
                mine.complete(new LiveMessage(LiveFetchers.eventId(event), ResponseErrors.toSpecification(result)));
            }
        });
        return mine;
    }

    /** The one result of an event's execution (its stream of one), or the execution's errors. */
    private static CompletableFuture<ExecutionResult> first(ExecutionResult result) {
        if (!(result.getData() instanceof Publisher<?> events)) {
            return CompletableFuture.completedFuture(result);
        }
        @SuppressWarnings("unchecked")
        Publisher<ExecutionResult> results = (Publisher<ExecutionResult>) events;
        CompletableFuture<ExecutionResult> one = new CompletableFuture<>();
        results.subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            public void onNext(ExecutionResult next) {
                one.complete(next);
            }

            @Override
            public void onError(Throwable failure) {
                one.completeExceptionally(failure);
            }

            @Override
            public void onComplete() {
                one.completeExceptionally(new IllegalStateException("An event's execution gave no result"));
            }
        });
        return one;
    }

    /** The messages; failures as a LiveException with their code. */
    private static Publisher<LiveMessage> failingWithCodes(Publisher<LiveMessage> messages) {
        return subscriber -> messages.subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscriber.onSubscribe(subscription);
            }

            @Override
            public void onNext(LiveMessage message) {
                subscriber.onNext(message);
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
}
