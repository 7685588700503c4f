package org.mymoviedb.importer;

import tools.jackson.databind.JsonNode;

/** One file format's way of reading a row object into a movie. */
interface RowFormat {

    /** Whether a row object looks like this format's; decides the format of a whole file. */
    boolean recognises(JsonNode row);

    /** Where the row is in the file, for people; {@code index} counts from 0. */
    String label(JsonNode row, int index);

    /** The title as the file has it, for naming a rejected row; null when it has none. */
    String titleAsSeen(JsonNode row);

    /** The row as a movie, or an {@link InvalidRowException} naming what is wrong. */
    MovieImportRow parse(JsonNode row, String label, MovieRowRules rules);

    /** The usual label: a row number counting from 1, as an editor shows array items. */
    static String rowNumber(int index) {
        return "row " + (index + 1);
    }
}
