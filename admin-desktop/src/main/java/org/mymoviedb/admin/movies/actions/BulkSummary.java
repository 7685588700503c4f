package org.mymoviedb.admin.movies.actions;

import java.util.ArrayList;
import java.util.List;
import org.mymoviedb.admin.movies.actions.BulkOutcome.Result;

/** What a bulk edit did to each movie, and the counts line above them. */
public record BulkSummary(BulkEdit edit, List<BulkOutcome> outcomes) {

    public BulkSummary {
        outcomes = List.copyOf(outcomes);
    }

    public long count(Result result) {
        return outcomes.stream().filter(outcome -> outcome.result() == result).count();
    }

    /** "Add genre “Drama”: 3 changed, 1 unchanged, 1 conflict": only the results that happened, changed first. */
    public String headline() {
        List<String> counts = new ArrayList<>();
        for (Result result : Result.values()) {
            long n = count(result);
            if (n > 0) {
                counts.add(String.format("%,d %s", n, result == Result.CONFLICT && n > 1 ? "conflicts"
                        : result.label().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        return edit.kind().label() + " “" + edit.name() + "”: "
                + (counts.isEmpty() ? "no movies" : String.join(", ", counts));
    }
}
