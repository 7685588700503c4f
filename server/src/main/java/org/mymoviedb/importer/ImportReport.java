package org.mymoviedb.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did. Every row read is exactly one of added, updated (an existing movie gained something),
 * unchanged (already present with everything the row has) or rejected.
 *
 * @param source the file's name, as the summary line shows it
 */
public record ImportReport(String source, int rowsRead, int added, int updated, int unchanged,
        List<Rejection> rejections) {

    public ImportReport {
        rejections = List.copyOf(rejections);
    }

    public int rejected() {
        return rejections.size();
    }

    /** The count line: {@code seed-fixture.json: 11 rows read, 11 added, 0 updated, 0 unchanged, 0 rejected}. */
    public String summary() {
        return source + ": " + rowsRead + " rows read, " + added + " added, " + updated + " updated, "
                + unchanged + " unchanged, " + rejected() + " rejected";
    }

    /** What the command line prints: one {@code rejected ...} line a rejected row, then the summary. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(rejections.size() + 1);
        rejections.forEach(rejection -> lines.add(rejection.line()));
        lines.add(summary());
        return lines;
    }
}
