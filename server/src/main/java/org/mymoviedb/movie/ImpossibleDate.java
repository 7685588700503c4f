package org.mymoviedb.movie;

/**
 * A release date spelled out in a mutation's document as a calendar date that has no day ("2024-02-30"). It
 * reaches the write instead of failing the whole document, so the editor gets a userError on the field it
 * concerns and nothing is written.
 */
public record ImpossibleDate(String text, String reason) {
}
