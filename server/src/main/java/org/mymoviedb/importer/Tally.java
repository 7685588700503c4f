package org.mymoviedb.importer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mymoviedb.movie.MergeOutcome;

/** Counts of an import in progress, added up batch by batch. */
final class Tally {

    private final Map<MergeOutcome, Integer> results = new EnumMap<>(MergeOutcome.class);
    private final List<Rejection> rejections = new ArrayList<>();

    void count(MergeOutcome result) {
        results.merge(result, 1, Integer::sum);
    }

    void reject(Rejection rejection) {
        rejections.add(rejection);
    }

    void add(Tally other) {
        other.results.forEach((result, n) -> results.merge(result, n, Integer::sum));
        rejections.addAll(other.rejections);
    }

    ImportReport report(String source, int rowsRead) {
        return new ImportReport(source, rowsRead, countOf(MergeOutcome.ADDED), countOf(MergeOutcome.UPDATED),
                countOf(MergeOutcome.UNCHANGED), rejections);
    }

    private int countOf(MergeOutcome result) {
        return results.getOrDefault(result, 0);
    }
}
