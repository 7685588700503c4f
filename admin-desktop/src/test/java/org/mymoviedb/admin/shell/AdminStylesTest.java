package org.mymoviedb.admin.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.css.CssParser;
import javafx.css.Selector;
import javafx.css.SimpleSelector;
import javafx.css.CompoundSelector;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/** Looks live in admin.css: no inline styles in the code, and every style class the code gives has a rule. */
class AdminStylesTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern STYLE_CLASS = Pattern.compile("getStyleClass\\(\\)\\.add\\(\"([a-z-]+)\"\\)");

    private static List<String> mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(file -> file.toString().endsWith(".java")).map(file -> {
                try {
                    return Files.readString(file);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    @Test
    void noNodeIsStyledInline() throws IOException {
        assertThat(mainSources()).noneMatch(source -> source.contains("setStyle("));
    }

    @Test
    void everyStyleClassTheCodeGivesHasARuleInTheStylesheet() throws IOException {
        Set<String> given = mainSources().stream().flatMap(source -> {
            Matcher matcher = STYLE_CLASS.matcher(source);
            return matcher.results().map(result -> result.group(1));
        }).collect(Collectors.toSet());
        Stylesheet sheet = new CssParser().parse(AdminStyles.class.getResource("/org/mymoviedb/admin/admin.css"));
        Set<String> styled = sheet.getRules().stream().flatMap(rule -> rule.getSelectors().stream())
                .flatMap(AdminStylesTest::simple).flatMap(selector -> selector.getStyleClasses().stream())
                .collect(Collectors.toSet());

        assertThat(given).isNotEmpty();
        assertThat(styled).containsAll(given);
    }

    private static Stream<SimpleSelector> simple(Selector selector) {
        return selector instanceof CompoundSelector compound ? compound.getSelectors().stream()
                : Stream.of((SimpleSelector) selector);
    }
}
