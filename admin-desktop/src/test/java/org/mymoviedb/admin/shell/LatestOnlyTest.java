package org.mymoviedb.admin.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LatestOnlyTest {

    private final LatestOnly latest = new LatestOnly();
    private final List<String> landed = new ArrayList<>();

    @Test
    void onlyTheNewestRequestsAnswerLandsWhateverOrderTheyComeIn() {
        Consumer<String> first = latest.<String>newest(landed::add);
        Consumer<String> second = latest.<String>newest(landed::add);

        second.accept("second");
        first.accept("first, late");

        assertThat(landed).containsExactly("second");
    }

    @Test
    void aContinuationLandsWithItsRequestAndIsDroppedWhenANewerOneStarts() {
        latest.<String>newest(landed::add).accept("page 1");
        latest.<String>continuing(landed::add).accept("page 2");
        Consumer<String> page3 = latest.<String>continuing(landed::add);
        latest.<String>newest(landed::add);

        page3.accept("page 3 of the old search");

        assertThat(landed).containsExactly("page 1", "page 2");
    }

    @Test
    void aContinuationDoesNotSupersedeTheRequestItContinues() {
        Consumer<String> first = latest.<String>newest(landed::add);
        latest.<String>continuing(landed::add);

        first.accept("page 1");

        assertThat(landed).containsExactly("page 1");
    }

    @Test
    void supersedingDropsEveryAnswerOnItsWay() {
        Consumer<String> request = latest.<String>newest(landed::add);
        Consumer<String> next = latest.<String>continuing(landed::add);
        latest.supersede();

        request.accept("stale");
        next.accept("stale too");

        assertThat(landed).isEmpty();
    }
}
