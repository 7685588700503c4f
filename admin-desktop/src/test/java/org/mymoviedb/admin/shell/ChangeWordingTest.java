package org.mymoviedb.admin.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mymoviedb.admin.api.HistoryEntry;
import org.mymoviedb.admin.api.HistoryEntry.FieldChange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/** History in words: what the audit log and a movie's history both show, from what the server recorded. */
class ChangeWordingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A change as it comes over the wire today: before and after as JSON text in strings. */
    private static FieldChange wire(String field, String beforeJson, String afterJson) {
        return FieldChange.fromWire(field, beforeJson == null ? null : StringNode.valueOf(beforeJson),
                afterJson == null ? null : StringNode.valueOf(afterJson));
    }

    @Test
    void eachFieldReadsAsAPersonWouldSayIt() {
        assertThat(ChangeWording.change(wire("runtimeMinutes", "null", "117"))).isEqualTo("Runtime: empty → 117 min");
        assertThat(ChangeWording.change(wire("rating", "80", "85"))).isEqualTo("Rating: 80 → 85");
        assertThat(ChangeWording.change(wire("genres", "[]", "[\"Crime\",\"Drama\"]")))
                .isEqualTo("Genres: empty → Crime, Drama");
        assertThat(ChangeWording.change(wire("directors", "[\"Ridley Scott\"]", "null")))
                .isEqualTo("Directors: Ridley Scott → empty");
        assertThat(ChangeWording.change(wire("releaseDate", "\"1979-05-25\"", "\"1979-06-22\"")))
                .isEqualTo("Release date: 1979-05-25 → 1979-06-22");
        assertThat(ChangeWording.change(wire("title", "\"Alien\"", "\"Aliens\"")))
                .isEqualTo("Title: “Alien” → “Aliens”");
        assertThat(ChangeWording.change(wire("role", "\"EDITOR\"", "\"ADMIN\""))).isEqualTo("Role: editor → admin");
        assertThat(ChangeWording.change(wire("mergedInto", null, "12"))).isEqualTo("Merged into: empty → 12");
        assertThat(ChangeWording.label("someNewField")).isEqualTo("Some new field");
    }

    @Test
    void aJsonScalarReadsTheSameAsJsonTextInAString() {
        JsonNode genres = JSON.readTree("[\"Crime\",\"Drama\"]");
        assertThat(ChangeWording.change(FieldChange.fromWire("genres", null, genres)))
                .isEqualTo(ChangeWording.change(wire("genres", "null", "[\"Crime\",\"Drama\"]")));
        assertThat(ChangeWording.value("genres", JSON.readTree("[{\"id\":\"3\",\"name\":\"Noir\"}]"))).isEqualTo("Noir");
    }

    @Test
    void anEntryIsOneChangePerLine() {
        HistoryEntry entry = new HistoryEntry("2024-05-31T12:00:00Z", "agnes", "UPDATE", null, null, null,
                List.of(wire("rating", "null", "80"), wire("runtimeMinutes", "90", "null")));
        assertThat(ChangeWording.changes(entry)).isEqualTo("Rating: empty → 80\nRuntime: 90 min → empty");
    }
}
