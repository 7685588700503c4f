package org.mymoviedb.admin.api;

import java.util.List;

/** What the server's CSV import did (or, in a dry run, would do): its counts and each refused row with its reason. */
public record ImportReport(boolean dryRun, int rowsRead, int added, int updated, int unchanged,
                           List<Rejection> rejections, String summary) {

    /** One refused row: where it is in the file ("line 3"), its title as the file has it, and why. */
    public record Rejection(String label, String title, String reason) {
    }
}
