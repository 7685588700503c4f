package org.mymoviedb.importer;

import java.io.Reader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads an RFC 4180 file (jackson-dataformat-csv) into one object per line keyed by the header, so the CSV rows
 * go through the same per-row checks as the JSON formats. The header must name the {@link CsvFormat#COLUMNS}
 * (any order, {@code title} required); an unknown column is the file's error, not silently dropped data.
 */
final class CsvRows {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

    private CsvRows() {}

    /** The lines of {@code in} after the header; more than {@code maxRows} is the file's error. */
    static ArrayNode read(String name, Reader in, int maxRows) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        try (MappingIterator<String[]> lines = CSV.readerFor(String[].class).readValues(in)) {
            if (!lines.hasNext()) {
                return rows;
            }
            List<String> header = List.of(lines.next()).stream().map(String::strip).toList();
            checkHeader(name, header);
            while (lines.hasNext()) {
                String[] cells = lines.next();
                if (cells.length == 1 && cells[0].isBlank()) {
                    continue; // a blank line, as a trailing newline in an editor leaves
                }
                if (rows.size() == maxRows) {
                    throw new ImportFileException(name + ": more than " + maxRows + " rows; split the file");
                }
                ObjectNode row = rows.addObject();
                for (int i = 0; i < cells.length && i < header.size(); i++) {
                    row.put(header.get(i), cells[i]);
                }
                if (cells.length > header.size()) {
                    row.put(CsvFormat.EXTRA_CELLS, cells.length - header.size());
                }
            }
            return rows;
        } catch (JacksonException e) {
            throw new ImportFileException(name + ": not valid CSV: " + e.getOriginalMessage(), e);
        }
    }

    private static void checkHeader(String name, List<String> header) {
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!CsvFormat.COLUMNS.contains(column)) {
                throw new ImportFileException(name + ": unknown column \"" + column + "\"; the columns are "
                        + String.join(",", CsvFormat.COLUMNS));
            }
            if (!seen.add(column)) {
                throw new ImportFileException(name + ": column \"" + column + "\" appears twice");
            }
        }
        if (!seen.contains("title")) {
            throw new ImportFileException(name + ": the header has no title column");
        }
    }
}
