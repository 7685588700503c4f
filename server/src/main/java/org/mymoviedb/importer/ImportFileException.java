package org.mymoviedb.importer;

/** A whole file cannot be imported (not JSON, not a known format); the message names the file. */
public final class ImportFileException extends RuntimeException {

    ImportFileException(String message, Throwable cause) {
        super(message, cause);
    }

    ImportFileException(String message) {
        super(message);
    }
}
