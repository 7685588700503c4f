package org.mymoviedb;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import org.jooq.DSLContext;
import org.mymoviedb.graphql.auth.AuthFetchers;
import org.mymoviedb.auth.AuthService;
import org.mymoviedb.auth.SessionCache;
import org.mymoviedb.auth.LoginThrottle;
import org.mymoviedb.auth.PasswordHasher;
import org.mymoviedb.auth.UserAccounts;
import org.mymoviedb.auth.UserRepository;
import org.mymoviedb.base.NodeType;
import org.mymoviedb.cache.CatalogueChanges;
import org.mymoviedb.cache.ResultCache;
import org.mymoviedb.config.ServerConfig;
import org.mymoviedb.data.Database;
import org.mymoviedb.data.DatabaseExecutor;
import org.mymoviedb.db.ConnectionSettings;
import org.mymoviedb.db.DatabaseProvisioner;
import org.mymoviedb.db.SchemaMigrator;
import org.mymoviedb.graphql.names.GenreFetchers;
import org.mymoviedb.graphql.names.NamedEntryMutations;
import org.mymoviedb.names.GenreRepository;
import org.mymoviedb.names.NamedEntries;
import org.mymoviedb.names.NamedEntryWrites;
import org.mymoviedb.graphql.DocumentCache;
import org.mymoviedb.graphql.Fetchers;
import org.mymoviedb.graphql.node.NodeFetchers;
import org.mymoviedb.graphql.GraphQLApi;
import org.mymoviedb.graphql.fetching.Loaders;
import org.mymoviedb.graphql.PersistedQueries;
import org.mymoviedb.history.AuditRepository;
import org.mymoviedb.graphql.history.HistoryFetchers;
import org.mymoviedb.graphql.live.LiveEntities;
import org.mymoviedb.graphql.live.LiveFetchers;
import org.mymoviedb.feed.LiveFeed;
import org.mymoviedb.http.GraphQLHandler;
import org.mymoviedb.http.GraphQLWebSocket;
import org.mymoviedb.http.GraphiQLHandlers;
import org.mymoviedb.http.HealthHandlers;
import org.mymoviedb.http.HttpServer;
import org.mymoviedb.http.MetricsHandler;
import org.mymoviedb.http.SchemaHandler;
import org.mymoviedb.importer.SampleData;
import org.mymoviedb.graphql.movie.MovieFetchers;
import org.mymoviedb.graphql.movie.MovieCsvImport;
import org.mymoviedb.graphql.movie.MovieMutations;
import org.mymoviedb.movie.MovieRepository;
import org.mymoviedb.movie.MovieWrites;
import org.mymoviedb.graphql.names.PersonFetchers;
import org.mymoviedb.names.PersonRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.mymoviedb.jooq.Tables.MOVIE;

/**
 * The running service, assembled by hand in startup order: metrics registry, database, migrations, pool, executor,
 * repositories, GraphQL, sample data, HTTP. Everything that publishes meters is handed the one registry. {@link #close()} takes it down in reverse, letting in-flight requests finish.
 */
public final class Application implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Application.class);

    private final ServerConfig config;
    private final Database database;
    private final DatabaseExecutor executor;
    private final GraphQLApi api;
    private final HttpServer http;
    private final CatalogueChanges changes;
    private final PrometheusMeterRegistry metrics;
    private final JvmMetrics jvm;
    private final LiveFeed live;

    private Application(ServerConfig config, Database database, DatabaseExecutor executor, GraphQLApi api,
                        HttpServer http, CatalogueChanges changes, PrometheusMeterRegistry metrics, JvmMetrics jvm,
                        LiveFeed live) {
        this.live = live;
        this.config = config;
        this.database = database;
        this.executor = executor;
        this.api = api;
        this.http = http;
        this.changes = changes;
        this.metrics = metrics;
        this.jvm = jvm;
    }

    /** Starts the service on the database {@code settings} name; {@code where} describes it for the log. */
    public static Application start(ServerConfig config, ConnectionSettings settings, String where) {
        if (DatabaseProvisioner.createIfMissing(settings)) {
            log.info("Created database {}", settings.database());
        }
        // One registry per service, served at /metrics; no global one, so two services in a JVM stay apart.
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JvmMetrics jvm = new JvmMetrics(metrics);
        Database database = null;
        CatalogueChanges changes = null;
        LiveFeed live = null;
        try {
            database = new Database(settings, config.poolSize(), config.limits().statementTimeoutMillis(),
                    config.replicas(), metrics);
            String migrations = "not run (MIGRATE_ON_START=false)";
            if (!config.migrateOnStart()) {
                int pending = SchemaMigrator.pending(settings.unpooledDataSource());
                if (pending > 0) {
                    throw new IllegalStateException("The database " + settings.database() + " lacks " + pending
                            + " migration(s) and MIGRATE_ON_START=false: run the `migrate` command first,"
                            + " or start with MIGRATE_ON_START=true");
                }
            } else {
                // Not through the pool: migrations must not be cut short by the requests' statement timeout.
                SchemaMigrator.Outcome outcome = SchemaMigrator.migrate(settings.unpooledDataSource());
                migrations = outcome.applied() + " applied, schema version " + outcome.schemaVersion();
            }
            DatabaseExecutor executor = new DatabaseExecutor(config.poolSize(), config.queueCapacity(),
                    database.health(), metrics);
            live = new LiveFeed(settings.unpooledDataSource(), database.dsl(), executor, config.live(),
                    database.catalogueVersion(), database.origin(), metrics);
            GraphQLApi api = graphQL(config, database.dsl(), executor, metrics, live);
            live.start();
            if (config.loadSampleData()) {
                SampleData.loadIfEmpty(database.dsl(), log::info);
            }
            ResultCache cache = null;
            if (config.resultCacheBytes() > 0) {
                cache = new ResultCache(config.resultCacheBytes(), database.catalogueVersion(), metrics);
            }
            // Every instance announces its writes; only one with a cache needs to hear the others'.
            changes = CatalogueChanges.start(settings, database.catalogueVersion(), cache != null);
            PersistedQueries persisted = new PersistedQueries(config.persistedQueries(), config.caches(), metrics);
            GraphQLHandler graphql = new GraphQLHandler(api, persisted, cache, database.health(), config.http(),
                    config.httpApi(), metrics);
            GraphQLWebSocket webSockets = new GraphQLWebSocket(graphql, api, config.webSockets(), config.live(),
                    metrics);
            Map<String, HttpHandler> routes = new HashMap<>(GraphiQLHandlers.routes());
            routes.putAll(Map.of(
                    "/graphql", webSockets,
                    "/metrics", new MetricsHandler(metrics, config.metricsAccess()),
                    "/schema.graphql", new SchemaHandler(),
                    "/health", HealthHandlers.health(),
                    "/ready", HealthHandlers.ready(database.health())));
            HttpServer http = new HttpServer(config, routes, metrics);
            try {
                http.start();
            } catch (RuntimeException e) {
                executor.close();
                throw e;
            }
            int movieCount = database.dsl().fetchCount(MOVIE);
            log.info("mymoviedb is serving GraphQL at http://{}:{}/graphql, GraphiQL at /graphiql",
                    displayHost(config.host()), http.port());
            log.info("Database: {}; migrations: {}; {} movies in the catalogue", where, migrations, movieCount);
            return new Application(config, database, executor, api, http, changes, metrics, jvm, live);
        } catch (RuntimeException e) {
            if (live != null) {
                live.close();
            }
            if (changes != null) {
                changes.close();
            }
            if (database != null) {
                database.close();
            }
            jvm.close();
            metrics.close();
            throw e;
        }
    }

    /** Repositories, writes and fetchers of every feature, wired to the schema. */
    private static GraphQLApi graphQL(ServerConfig config, DSLContext dsl, DatabaseExecutor executor,
                                      MeterRegistry metrics, LiveFeed live) {
        GenreRepository genres = new GenreRepository(dsl);
        PersonRepository people = new PersonRepository(dsl);
        PasswordHasher hasher = new PasswordHasher();
        SessionCache sessions = new SessionCache();
        AuthService auth = new AuthService(dsl, hasher, new LoginThrottle(dsl, Duration.ofMinutes(15)),
                Duration.ofHours(config.sessionTtlHours()), sessions);
        MovieRepository movieRows = new MovieRepository(dsl);
        AuditRepository history = new AuditRepository(dsl);
        MovieFetchers movies = new MovieFetchers(movieRows, executor);
        Loaders loaders = new Loaders(genres, people, executor);
        live.loadEntitiesWith(new LiveEntities(movieRows, genres, people, loaders));
        Fetchers fetchers = new Fetchers(
                movies,
                new MovieMutations(new MovieWrites(dsl), executor, new MovieCsvImport(dsl)),
                new GenreFetchers(genres, movies, executor),
                NamedEntryMutations.genres(new NamedEntryWrites(dsl, NamedEntries.GENRES), executor),
                new PersonFetchers(people, movies, executor),
                NamedEntryMutations.people(new NamedEntryWrites(dsl, NamedEntries.PEOPLE), executor),
                new HistoryFetchers(history, executor),
                new AuthFetchers(auth, new UserAccounts(dsl, hasher, sessions), dsl, executor),
                new NodeFetchers(Map.of(NodeType.MOVIE, movieRows::byIds, NodeType.GENRE, genres::byIds,
                        NodeType.PERSON, people::byIds, NodeType.USER, ids -> UserRepository.byIds(dsl, ids),
                        NodeType.AUDIT_ENTRY, history::byIds), executor),
                new LiveFetchers(live, executor));
        return new GraphQLApi(fetchers, loaders,
                new DocumentCache(config.caches(), config.limits().maxSelectionFields(), metrics), config.limits(),
                config.caches(), config.executionPlans());
    }

    private static String displayHost(String host) {
        return "0.0.0.0".equals(host) || "::".equals(host) ? "localhost" : host;
    }

    public int port() {
        return http.port();
    }

    public Database database() {
        return database;
    }

    public GraphQLApi api() {
        return api;
    }

    /** This instance's live feed: subscriptions' events. */
    public LiveFeed live() {
        return live;
    }

    /** Stops taking requests, lets in-flight ones finish (up to the configured grace), then closes the pool. */
    @Override
    public void close() {
        long graceMillis = config.shutdownGraceSeconds() * 1000L;
        // First: open event streams end (with "complete"), so they do not hold the drain below for its whole grace.
        live.close();
        try {
            http.stop(graceMillis);
            executor.shutdown(Math.max(1, config.shutdownGraceSeconds()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            executor.close();
            if (changes != null) {
                changes.close();
            }
            database.close();
            jvm.close();
            metrics.close();
        }
        log.info("mymoviedb stopped");
    }
}
