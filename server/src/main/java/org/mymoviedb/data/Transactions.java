package org.mymoviedb.data;

import java.util.List;
import java.util.function.BiFunction;
import org.jooq.DSLContext;
import org.jooq.TransactionalCallable;
import org.jooq.exception.DataAccessException;
import org.mymoviedb.graphql.ConstraintErrors;
import org.mymoviedb.graphql.UserError;
import org.mymoviedb.graphql.UserErrorsException;

/** One mutation, one transaction: it commits whole, or rolls back and answers with userErrors. */
public final class Transactions {

    private Transactions() {
    }

    /**
     * Runs {@code work} in a transaction. A {@link UserErrorsException}, or a constraint the database enforced,
     * rolls it back and becomes {@code onErrors(errors, preparedPayload)}; anything else propagates.
     */
    public static <T> T write(DSLContext dsl, TransactionalCallable<T> work,
                              BiFunction<List<UserError>, Object, T> onErrors) {
        try {
            // Committing moves the catalogue version on, and CatalogueChanges tells other instances.
            return dsl.transactionResult(work);
        } catch (UserErrorsException e) {
            return onErrors.apply(e.errors(), e.payload());
        } catch (DataAccessException e) {
            UserError error = ConstraintErrors.of(e).orElseThrow(() -> e);
            return onErrors.apply(List.of(error), null);
        }
    }
}
