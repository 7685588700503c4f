package org.mymoviedb.graphql.fetching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mymoviedb.base.ApiException;
import org.mymoviedb.base.ErrorCode;
import org.mymoviedb.base.Keyset;

/** A cursor gives back the position it was made from, and nothing else we did not hand out is taken for one. */
class CursorsTest {

    private static final List<Class<?>> TITLE_DATE_ID = List.of(String.class, LocalDate.class, Long.class);

    @Test
    void aPositionSurvivesTheRoundTrip() {
        Keyset position = new Keyset(List.of("Cléo de 5 à 7 🎬", LocalDate.of(1962, 4, 11), 42L));
        String cursor = Cursors.encode("title,releaseDate", position);

        assertThat(cursor).doesNotContain("=", "+", "/");
        assertThat(Cursors.decode(cursor, "title,releaseDate", TITLE_DATE_ID)).isEqualTo(position);
    }

    @Test
    void integersComeBackAsTheTypeAsked() {
        String cursor = Cursors.encode("rating", new Keyset(List.of(87, 7L)));

        Keyset position = Cursors.decode(cursor, "rating", List.of(Integer.class, Long.class));
        assertThat(position.values()).containsExactly(87, 7L);
        assertThat(position.values().get(0)).isInstanceOf(Integer.class);
        assertThat(position.values().get(1)).isInstanceOf(Long.class);
    }

    @Test
    void instantsComeBackToTheMicrosecondWithTheirOffset() {
        OffsetDateTime updated = OffsetDateTime.of(2024, 5, 31, 12, 0, 0, 123_456_000, ZoneOffset.ofHours(2));
        OffsetDateTime onTheMinute = OffsetDateTime.of(2024, 5, 31, 12, 0, 0, 0, ZoneOffset.UTC);
        List<Class<?>> types = List.of(OffsetDateTime.class, OffsetDateTime.class, Long.class);
        Keyset position = new Keyset(List.of(updated, onTheMinute, 9L));

        assertThat(Cursors.decode(Cursors.encode("UT+", position), "UT+", types)).isEqualTo(position);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2024-05-31", "2024-05-31T12:00:00", "0000-01-01T00:00:00Z",
        "2024-05-31T12:00:00.1234567Z", "+12024-05-31T12:00:00Z", "2024-02-30T12:00:00Z"})
    void anInstantWeNeverWroteIsRefused(String instant) {
        String cursor = forged("[\"UT+\",\"" + instant + "\",1]");

        assertInvalid(() -> Cursors.decode(cursor, "UT+", List.of(OffsetDateTime.class, Long.class)));
    }

    @Test
    void aCursorOfAnotherOrderingIsRefused() {
        String cursor = Cursors.encode("title", new Keyset(List.of("Vertigo", 3L)));

        assertInvalid(() -> Cursors.decode(cursor, "releaseDate", List.of(String.class, Long.class)));
    }

    @Test
    void aCursorWithTooFewOrTooManyValuesIsRefused() {
        String cursor = Cursors.encode("title", new Keyset(List.of("Vertigo", 3L)));

        assertInvalid(() -> Cursors.decode(cursor, "title", List.of(Long.class)));
        assertInvalid(() -> Cursors.decode(cursor, "title", List.of(String.class, Long.class, Long.class)));
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        String cursor = Cursors.encode("title", new Keyset(List.of("Vertigo", 3L)));

        assertInvalid(() -> Cursors.decode(cursor, "title", List.of(Long.class, Long.class)));
        assertInvalid(() -> Cursors.decode(cursor, "title", List.of(LocalDate.class, Long.class)));
    }

    @Test
    void aNumberTooLargeForAnIntegerIsRefused() {
        String cursor = Cursors.encode("rating", new Keyset(List.of(Long.MAX_VALUE)));

        assertInvalid(() -> Cursors.decode(cursor, "rating", List.of(Integer.class)));
    }

    @Test
    void aDateThatIsNoDayIsRefused() {
        assertInvalid(() -> Cursors.decode(forged("[\"date\",\"2024-02-30\",1]"), "date",
                List.of(LocalDate.class, Long.class)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not base64!", "%%%", "AAAA", "eyJ"})
    void somethingThatIsNoCursorIsRefused(String cursor) {
        assertInvalid(() -> Cursors.decode(cursor, "title", List.of(String.class, Long.class)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"title\":\"Vertigo\"}", "\"title\"", "[]", "[1,\"Vertigo\",3]", "[null,\"Vertigo\",3]",
            "[\"title\",\"Vertigo\",3.5]", "[\"title\",null,3]", "[\"title\",\"Vertigo\",3] trailing"})
    void aForeignJsonDocumentIsRefused(String json) {
        assertInvalid(() -> Cursors.decode(forged(json), "title", List.of(String.class, Long.class)));
    }

    private static String forged(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable decode) {
        assertThatThrownBy(decode).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CURSOR));
    }
}
