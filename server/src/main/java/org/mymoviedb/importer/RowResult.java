package org.mymoviedb.importer;

/** What importing one accepted row did to the catalogue. */
enum RowResult {
    ADDED,
    UPDATED,
    UNCHANGED
}
