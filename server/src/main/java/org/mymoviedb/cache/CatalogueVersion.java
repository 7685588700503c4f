package org.mymoviedb.cache;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jooq.TransactionContext;
import org.jooq.TransactionListener;

/**
 * When the catalogue last changed, as a sequence number that moves on with every committed write: this instance's
 * own (a jOOQ transaction listener, and {@link #recording} for writes that say which movies they changed) and
 * other instances' (PostgreSQL notifications). A cached result is served only while nothing it depends on changed
 * after the moment it was computed from.
 *
 * <p>Per movie, the sequence number of its last change is kept in one of {@value #STRIPES} stripes by id: two movies
 * sharing a stripe only cost a needless miss, and memory stays fixed. Every number only grows ({@code max}), so a
 * late writer never moves a stripe back.
 */
public final class CatalogueVersion implements TransactionListener {

    private static final int STRIPES = 4096;
    /** The write running on this thread, while a {@link #recording} scope is open. */
    private static final ThreadLocal<Scope> RECORDING = new ThreadLocal<>();
    /** Marks a scope in which a write touched something other than movies. */
    private static final long NOT_A_MOVIE = -1;

    private final AtomicLong sequence = new AtomicLong();
    /** The last change of anything at all. */
    private final AtomicLong everythingChangedAt = new AtomicLong();
    /** The last change of any movie: what lists, searches and counts depend on. */
    private final AtomicLong anyMovieChangedAt = new AtomicLong();
    private final AtomicLongArray movieChangedAt = new AtomicLongArray(STRIPES);
    private volatile Consumer<CatalogueChange> afterCommit = change -> { };

    /** The moment to remember with an answer: read it before computing the answer. */
    public long current() {
        return sequence.get();
    }

    /** Whether nothing {@code answer} depends on changed after {@code asOf}. */
    public boolean unchangedSince(long asOf, Dependencies answer) {
        if (everythingChangedAt.get() > asOf) {
            return false;
        }
        if (answer.movies() == null) {
            return anyMovieChangedAt.get() <= asOf;
        }
        for (long id : answer.movies()) {
            if (movieChangedAt.get(stripe(id)) > asOf) {
                return false;
            }
        }
        return true;
    }

    /** Something was written, here or elsewhere, whose reach is unknown: every earlier result is stale. */
    public void advance() {
        apply(CatalogueChange.EVERYTHING);
    }

    /** A change committed here or elsewhere. */
    public void apply(CatalogueChange change) {
        long now = sequence.incrementAndGet();
        if (change.everything()) {
            everythingChangedAt.accumulateAndGet(now, Math::max);
            return;
        }
        for (long id : change.movies()) {
            movieChangedAt.accumulateAndGet(stripe(id), now, Math::max);
        }
        if (!change.movies().isEmpty()) {
            anyMovieChangedAt.accumulateAndGet(now, Math::max);
        }
    }

    /**
     * {@link #recording} with the catalogue version that {@code configuration}'s transactions move on, if any
     * (otherwise its commits move nothing, and the write just runs).
     */
    public static <T> T recording(org.jooq.Configuration configuration, Supplier<T> write) {
        for (org.jooq.TransactionListenerProvider provider : configuration.transactionListenerProviders()) {
            if (provider.provide() instanceof CatalogueVersion version) {
                return version.recording(write);
            }
        }
        return write.get();
    }

    /** Runs {@code action} after each commit of this instance, once the version has moved on; it must not block. */
    public void afterEachCommit(Consumer<CatalogueChange> action) {
        this.afterCommit = action;
    }

    /**
     * Runs a write that reports what it changes ({@link #movieChanged}, {@link #otherChanged}) and, once it has
     * committed and returned, applies exactly that; commits inside it (nested transactions too) apply nothing of
     * their own. A write that fails after committing anything counts as a change to everything.
     */
    public <T> T recording(Supplier<T> write) {
        if (RECORDING.get() != null) {
            return write.get(); // an enclosing scope applies what this one records
        }
        Scope scope = new Scope();
        RECORDING.set(scope);
        CatalogueChange change = CatalogueChange.EVERYTHING;
        try {
            T result = write.get();
            change = scope.changed.contains(NOT_A_MOVIE) || scope.changed.isEmpty() ? CatalogueChange.EVERYTHING
                    : CatalogueChange.of(scope.changed);
            return result;
        } finally {
            RECORDING.remove();
            if (scope.committed) {
                apply(change);
                afterCommit.accept(change);
            }
        }
    }

    /** One recording scope: what its write changed, and whether anything of it committed. */
    private static final class Scope {
        final Set<Long> changed = new HashSet<>();
        boolean committed;
    }

    /** The write running on this thread changed movie {@code id} (its row, genres, directors or history). */
    public static void movieChanged(long id) {
        Scope scope = RECORDING.get();
        if (scope != null) {
            scope.changed.add(id);
        }
    }

    /** The write running on this thread changed something other than a movie. */
    public static void otherChanged() {
        movieChanged(NOT_A_MOVIE);
    }

    @Override
    public void commitEnd(TransactionContext ctx) {
        Scope scope = RECORDING.get();
        if (scope != null) {
            scope.committed = true; // applied, with what it changed, when the recording scope ends
            return;
        }
        advance();
        afterCommit.accept(CatalogueChange.EVERYTHING);
    }

    private static int stripe(long id) {
        return (int) Math.floorMod(id ^ (id >>> 32), (long) STRIPES);
    }

    /**
     * What an answer depends on: some movies by id ({@code movies} non-null), or the catalogue's movies as a whole
     * (lists, searches, counts: {@code movies} null). Any answer also depends on everything else.
     */
    public record Dependencies(Set<Long> movies) {
        public static final Dependencies WHOLE_CATALOGUE = new Dependencies(null);
    }
}
