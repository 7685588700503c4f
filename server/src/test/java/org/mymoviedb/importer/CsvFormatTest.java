package org.mymoviedb.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue's CSV: RFC 4180 quoting, `;` lists, UTF-8, and a file named .csv read by the import command. */
class CsvFormatTest {

    @Test
    void quotedCellsSemicolonListsAndAccentsComeThroughAsTheFileHasThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("export.csv");
        Files.writeString(file, """
                title,releaseDate,rating,runtimeMinutes,genres,directors
                "Vagabond, ""Sans toit ni loi""\",1985-12-04,81,105,Drama; Road Movie,Agnès Varda;Agnès Varda
                "Two
                lines",2000-01-01,,,,
                """, StandardCharsets.UTF_8);
        List<RowOutcome> rows = new MovieFileReader().read(file);
        assertThat(rows).hasSize(2);
        MovieImportRow first = (MovieImportRow) rows.get(0);
        assertThat(first.title()).isEqualTo("Vagabond, \"Sans toit ni loi\"");
        assertThat(first.releaseDate()).isEqualTo(LocalDate.of(1985, 12, 4));
        assertThat(first.rating()).isEqualTo(81);
        assertThat(first.runtimeMinutes()).isEqualTo(105);
        assertThat(first.genres()).containsExactly("Drama", "Road Movie");
        assertThat(first.directors()).containsExactly("Agnès Varda");
        MovieImportRow second = (MovieImportRow) rows.get(1);
        assertThat(second.title()).isEqualTo("Two\nlines");
        assertThat(second.rating()).isNull();
        assertThat(second.genres()).isEmpty();
    }

    @Test
    void badCellsRejectTheirLineAndABadHeaderRejectsTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "title,rating\nAlien,eighty\nAlien,1,2\n", StandardCharsets.UTF_8);
        assertThat(new MovieFileReader().read(file)).containsExactly(
                new Rejection("line 2", "Alien", "rating \"eighty\" is not a whole number"),
                new Rejection("line 3", "Alien",
                        "the line has 1 more cells than the header has columns (a comma in a value needs quotes)"));
        Files.writeString(file, "title,year\nAlien,1979\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new MovieFileReader().read(file)).isInstanceOf(ImportFileException.class)
                .hasMessageContaining("unknown column \"year\"");
    }
}
