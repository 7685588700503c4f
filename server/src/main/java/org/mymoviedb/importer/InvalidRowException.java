package org.mymoviedb.importer;

/** Thrown while parsing one row; the reader turns it into a {@link Rejection} and goes on. */
final class InvalidRowException extends RuntimeException {

    InvalidRowException(String reason) {
        // The reason is the whole message and the stack trace never reaches anyone.
        super(reason, null, false, false);
    }
}
