package org.mymoviedb.importer;

/** What a reader made of one row of an import file: a movie to import or the reason it was rejected. */
public sealed interface RowOutcome permits MovieImportRow, Rejection {

    /** Where the row came from, for people: {@code pk 3}, {@code row 17}. */
    String label();
}
