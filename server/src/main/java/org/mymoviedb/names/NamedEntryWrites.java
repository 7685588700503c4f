package org.mymoviedb.names;

import org.jooq.DSLContext;
import org.mymoviedb.base.UserErrorsException;
import org.mymoviedb.data.Transactions;
import org.mymoviedb.history.Author;

/**
 * Creates, renames and deletes genres or people, each in one transaction with its history.
 *
 * @throws UserErrorsException from every method, for input a person can fix; nothing is then written
 */
public final class NamedEntryWrites {

    private final DSLContext dsl;
    private final NamedEntries<?, ?> kind;

    public NamedEntryWrites(DSLContext dsl, NamedEntries<?, ?> kind) {
        this.dsl = dsl;
        this.kind = kind;
    }

    /** Genres or people: which kind of named entry this writes. */
    public NamedEntries<?, ?> kind() {
        return kind;
    }

    public NamedEntry create(Author author, String name) {
        return Transactions.write(dsl, tx -> kind.createChecked(tx, author, name));
    }

    public NamedEntry rename(Author author, long id, String name) {
        return Transactions.write(dsl, tx -> kind.rename(tx, author, id, name));
    }

    /** Deletes an entry no movie uses or, with {@code cascade}, takes it off its movies first. */
    public void delete(Author author, long id, boolean cascade) {
        Transactions.write(dsl, tx -> {
            kind.delete(tx, author, id, cascade);
            return null;
        });
    }
}
