package org.mymoviedb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metrics tests' parser: it must refuse what Prometheus would refuse, or "the body parses" proves nothing. */
class PrometheusScrapeTest {

    private static final String HEAD = "# HELP requests_total Requests\n# TYPE requests_total counter\n";

    @Test
    void readsSamplesWithLabelsAndSpecialValues() {
        var samples = PrometheusScrape.parse(HEAD + "requests_total{kind=\"a \\\"b\\\"\",le=\"+Inf\"} 1.5E7\n"
                + "# TYPE latency_seconds histogram\nlatency_seconds_bucket{le=\"+Inf\"} 3\n"
                + "latency_seconds_count 3\nlatency_seconds_sum NaN\n");
        assertThat(samples).hasSize(4);
        assertThat(samples.get(0).labels()).isEqualTo(Map.of("kind", "a \\\"b\\\"", "le", "+Inf"));
        assertThat(samples.get(0).value()).isEqualTo(1.5E7);
    }

    @Test
    void refusesWhatIsNotTextFormat() {
        assertThatThrownBy(() -> PrometheusScrape.parse(HEAD + "requests_total twelve\n"))
                .hasMessageContaining("not Prometheus text");
        assertThatThrownBy(() -> PrometheusScrape.parse(HEAD + "requests_total{kind=a} 1\n"))
                .hasMessageContaining("malformed labels");
        assertThatThrownBy(() -> PrometheusScrape.parse(HEAD + "requests_total{kind=\"a\"kind2=\"b\"} 1\n"))
                .hasMessageContaining("malformed labels");
        assertThatThrownBy(() -> PrometheusScrape.parse(HEAD + "undeclared 1\n"))
                .hasMessageContaining("no # TYPE");
        assertThatThrownBy(() -> PrometheusScrape.parse(HEAD + "requests_total 1\nrequests_total 2\n"))
                .hasMessageContaining("repeats a series");
        assertThatThrownBy(() -> PrometheusScrape.parse(HEAD + "requests_total 1"))
                .hasMessageContaining("line break");
        assertThatThrownBy(() -> PrometheusScrape.parse(HEAD + "# TYPE requests_total gauge\n"))
                .hasMessageContaining("a second time");
    }
}
