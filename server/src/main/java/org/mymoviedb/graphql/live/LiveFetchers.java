package org.mymoviedb.graphql.live;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.mymoviedb.base.ApiException;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.base.Ids;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.data.DatabaseExecutor;
import org.mymoviedb.graphql.fetching.Loaders;
import org.mymoviedb.history.AuditEntry;
import org.mymoviedb.feed.LiveEvent;
import org.mymoviedb.feed.LiveFeed;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;

/** The Subscription root fields and the fields of their events. */
public final class LiveFetchers {

    /** What catalogueChanged reports: not user accounts. */
    private static final Set<String> CATALOGUE = Set.of("movie", "genre", "person");

    private final LiveFeed feed;
    private final DatabaseExecutor executor;

    public LiveFetchers(LiveFeed feed, DatabaseExecutor executor) {
        this.feed = feed;
        this.executor = executor;
    }

    /** The feed the subscriptions read. */
    public LiveFeed feed() {
        return feed;
    }

    /** Where a resume point is checked. */
    public DatabaseExecutor executor() {
        return executor;
    }

    /** Subscription.*, MovieEvent.* and CatalogueEvent.*: the fields whose names differ from the records'. */
    public RuntimeWiring.Builder wire(RuntimeWiring.Builder wiring) {
        return wiring
                .type("Subscription", type -> type
                        .dataFetcher("movieChanged", this::movieChanged)
                        .dataFetcher("catalogueChanged", this::catalogueChanged))
                .type("MovieEvent", type -> common(type)
                        .dataFetcher("movieId", env -> Ids.global(NodeType.MOVIE, entry(env).entityId()))
                        .dataFetcher("movie", env -> event(env).entity()))
                .type("CatalogueEvent", type -> common(type)
                        .dataFetcher("entityType", env -> entry(env).entityType())
                        .dataFetcher("entityId", env -> Ids.global(NodeType.ofEntityType(entry(env).entityType()),
                                entry(env).entityId()))
                        .dataFetcher("entity", env -> event(env).entity()));
    }

    private static graphql.schema.idl.TypeRuntimeWiring.Builder common(
            graphql.schema.idl.TypeRuntimeWiring.Builder type) {
        return type
                .dataFetcher("id", env -> eventId(event(env)))
                .dataFetcher("kind", env -> switch (entry(env).action()) {
                    case CREATE -> "CREATED";
                    case UPDATE -> "UPDATED";
                    case DELETE -> "DELETED";
                })
                .dataFetcher("version", env -> event(env).outbox().entityVersion())
                .dataFetcher("at", env -> entry(env).at())
                .dataFetcher("username", env -> entry(env).username())
                .dataFetcher("changedFields", env -> entry(env).changes().stream()
                        .map(AuditEntry.FieldChange::field).toList());
    }

    /** The event's id, as its message carries it. */
    public static String eventId(LiveEvent event) {
        return Ids.global(NodeType.AUDIT_ENTRY, event.entry().id());
    }

    private static LiveEvent event(DataFetchingEnvironment env) {
        return env.getSource();
    }

    private static AuditEntry entry(DataFetchingEnvironment env) {
        return event(env).entry();
    }

    /** movieChanged(id): one movie's events, or every movie's. */
    public Publisher<LiveEvent> movieChanged(DataFetchingEnvironment env) {
        Object id = env.getArgument("id");
        Long movieId = id == null ? null : Ids.parse(id, NodeType.MOVIE);
        return stream(env, e -> e.entityType().equals("movie") && (movieId == null || e.entityId() == movieId));
    }

    /** catalogueChanged: every movie's, genre's and person's events. */
    public Publisher<LiveEvent> catalogueChanged(DataFetchingEnvironment env) {
        return stream(env, e -> CATALOGUE.contains(e.entityType()));
    }

    /**
     * The feed's events for {@code filter}, left in the subscription's context (its transport executes each event's
     * result once for all alike subscribers, see {@link LiveContext#event}); in an event's execution, that one event,
     * with the subscription's loaders primed with what the feed loaded for it (so a movie's genres and directors cost
     * no statement).
     */
    private Publisher<LiveEvent> stream(DataFetchingEnvironment env, Predicate<AuditEntry> filter) {
        LiveContext context = env.getGraphQlContext().get(LiveContext.KEY);
        if (context == null) {
            throw new ApiException(ErrorCode.SUBSCRIPTION_NEEDS_STREAM, "A subscription needs a stream: send it with "
                    + "Accept: text/event-stream (GraphQL over SSE) or over a graphql-transport-ws WebSocket");
        }
        if (context.single() != null) {
            prime(env.getDataLoaderRegistry(), context.single());
            return one(context.single());
        }
        if (!feed.hasRoom()) {
            throw feed.full();
        }
        Publisher<LiveEvent> events = feed.events(filter, context.resumeAfter());
        context.events(events);
        return events;
    }

    /** {@code value}, then the end. */
    public static <T> Publisher<T> one(T value) {
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
                subscriber.onNext(value);
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

    /** The movie's genres and directors, replacing whatever an earlier event left. */
    private static void prime(DataLoaderRegistry loaders, LiveEvent event) {
        if (event.links() instanceof LiveEntities.MovieLinks links) {
            long id = event.entry().entityId();
            DataLoader<Long, List<?>> genres = loaders.getDataLoader(Loaders.GENRES_BY_MOVIE);
            genres.clear(id).prime(id, links.genres());
            DataLoader<Long, List<?>> directors = loaders.getDataLoader(Loaders.DIRECTORS_BY_MOVIE);
            directors.clear(id).prime(id, links.directors());
        }
    }
}
