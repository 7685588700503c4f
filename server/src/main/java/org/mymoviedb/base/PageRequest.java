package org.mymoviedb.base;

/**
 * A page to read, already checked: its size, its direction, and the position it starts after.
 *
 * @param size     how many rows to return, 0..100
 * @param backward whether the page ends right before {@code position} rather than starting right after it
 * @param position where the page starts (or ends, backward); null for the first (or last) page
 */
public record PageRequest(int size, boolean backward, Keyset position) {
}
