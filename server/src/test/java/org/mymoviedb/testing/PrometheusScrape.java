package org.mymoviedb.testing;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One GET /metrics, parsed strictly as Prometheus' text format 0.0.4: every line is a comment or
 * {@code name{labels} value [timestamp]}, and every sample belongs to a family a {@code # TYPE} line declared.
 * A body that breaks the format fails the parse, so a test that scrapes also checks the format.
 */
public final class PrometheusScrape {

    /** One sample line: a series and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern TYPE = Pattern.compile(
            "# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ")( .*)?");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)})? (\\S+)( -?[0-9]+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"");
    private static final Pattern VALUE = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?|NaN|[+-]Inf");
    /** The suffixes a family's samples may add to its name, by type. */
    private static final Map<String, List<String>> SUFFIXES = Map.of(
            "counter", List.of("", "_total", "_created"),
            "gauge", List.of(""),
            "untyped", List.of(""),
            "histogram", List.of("_bucket", "_sum", "_count", "_created"),
            "summary", List.of("", "_sum", "_count", "_created"));

    private final String contentType;
    private final List<Sample> samples;

    private PrometheusScrape(String contentType, List<Sample> samples) {
        this.contentType = contentType;
        this.samples = samples;
    }

    /** Scrapes {@code server}; fails unless the answer is 200 and valid text format. */
    public static PrometheusScrape of(TestServer server) {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/metrics")).GET().build());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /metrics answered " + response.statusCode() + ": " + response.body());
        }
        return new PrometheusScrape(response.headers().firstValue("Content-Type").orElse(""), parse(response.body()));
    }

    /** The samples of {@code body}; throws on the first line that is not valid text format. */
    public static List<Sample> parse(String body) {
        if (!body.endsWith("\n")) {
            throw new AssertionError("The exposition does not end with a line break");
        }
        Map<String, String> types = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        List<Sample> samples = new ArrayList<>();
        int number = 0;
        for (String line : body.split("\n")) {
            number++;
            if (line.isEmpty()) {
                continue; // the format ignores empty lines
            }
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                if (types.put(type.group(1), type.group(2)) != null) {
                    throw new AssertionError("Line " + number + " declares " + type.group(1) + " a second time");
                }
                continue;
            }
            if (HELP.matcher(line).matches()) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches() || !VALUE.matcher(sample.group(4)).matches()) {
                throw new AssertionError("Line " + number + " is not Prometheus text: " + line);
            }
            Map<String, String> labels = labels(sample.group(3), number, line);
            String name = sample.group(1);
            if (familyOf(name, types) == null) {
                throw new AssertionError("Line " + number + " has no # TYPE for its family: " + line);
            }
            if (!seen.add(name + labels)) {
                throw new AssertionError("Line " + number + " repeats a series: " + line);
            }
            samples.add(new Sample(name, labels, value(sample.group(4))));
        }
        return samples;
    }

    private static Map<String, String> labels(String text, int number, String line) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return labels;
        }
        Matcher label = LABEL.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!label.find(at) || label.start() != at) {
                throw new AssertionError("Line " + number + " has malformed labels: " + line);
            }
            labels.put(label.group(1), label.group(2));
            at = label.end();
            if (at < text.length()) {
                if (text.charAt(at) != ',') {
                    throw new AssertionError("Line " + number + " has malformed labels: " + line);
                }
                at++;
            }
        }
        return labels;
    }

    private static String familyOf(String name, Map<String, String> types) {
        for (Map.Entry<String, String> family : types.entrySet()) {
            for (String suffix : SUFFIXES.get(family.getValue())) {
                if (name.equals(family.getKey() + suffix)) {
                    return family.getKey();
                }
            }
        }
        return null;
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    public String contentType() {
        return contentType;
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The samples named {@code name} whose labels include {@code labels} (name, value, name, value...). */
    public List<Sample> series(String name, String... labels) {
        return samples.stream().filter(s -> s.name().equals(name)).filter(s -> {
            for (int i = 0; i < labels.length; i += 2) {
                if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                    return false;
                }
            }
            return true;
        }).toList();
    }

    /** The value of the one sample named {@code name} with {@code labels}; fails when there is none or several. */
    public double value(String name, String... labels) {
        List<Sample> found = series(name, labels);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " series " + name + " " + List.of(labels) + " in the scrape");
        }
        return found.get(0).value();
    }
}
