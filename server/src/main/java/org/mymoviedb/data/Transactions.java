package org.mymoviedb.data;

import java.util.List;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.mymoviedb.cache.CatalogueVersion;
import org.jooq.exception.DataAccessException;
import org.mymoviedb.base.UserError;
import org.mymoviedb.base.UserErrorsException;

/** One write, one transaction: it commits whole, or rolls back and reports why in userErrors. */
public final class Transactions {

    private Transactions() {
    }

    /**
     * Runs {@code work} in a transaction. A {@link UserErrorsException} thrown inside rolls it back and reaches
     * the caller; so does a constraint the database enforced, turned into one. Anything else propagates as is.
     */
    public static <T> T write(DSLContext dsl, Function<DSLContext, T> work) {
        try {
            // Once committed, the catalogue version moves on for what the write's history says it changed (the
            // movies, or everything), and CatalogueChanges tells other instances.
            // A write, and the reads in its transaction, go to the primary whatever the request (replicas refuse
            // writes), on the pool of writes.
            return ReadRoute.write(() -> CatalogueVersion.recording(dsl.configuration(),
                    () -> dsl.transactionResult(cfg -> work.apply(cfg.dsl()))));
        } catch (DataAccessException e) {
            UserError error = ConstraintErrors.of(e).orElseThrow(() -> e);
            throw new UserErrorsException(List.of(error));
        }
    }
}
