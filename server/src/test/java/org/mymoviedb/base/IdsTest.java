package org.mymoviedb.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A global id is base64url (unpadded) of "Type:number"; an ID argument takes its own type's global id or the legacy
 * positive decimal; anything else is INVALID_ID, with the text (shortened) named.
 */
class IdsTest {

    @Test
    void aGlobalIdIsBase64urlOfTypeAndNumber() {
        assertThat(Ids.global(NodeType.MOVIE, 123)).isEqualTo("TW92aWU6MTIz");
        assertThat(Ids.global(NodeType.AUDIT_ENTRY, 1)).isEqualTo("QXVkaXRFbnRyeTox");
        assertThat(Ids.global(NodeType.GENRE, Long.MAX_VALUE)).doesNotContain("=", "+", "/");
    }

    @ParameterizedTest
    @EnumSource(NodeType.class)
    void aGlobalIdReadsBackAsItsTypeAndNumber(NodeType type) {
        for (long id : new long[] {1, 9, 10, 99, 123, 2_147_483_648L, Long.MAX_VALUE}) {
            String global = Ids.global(type, id);
            assertThat(Ids.parse(global, type)).isEqualTo(id);
            assertThat(Ids.parseGlobal(global)).isEqualTo(new Ids.GlobalId(type, id));
        }
    }

    @Test
    void aDecimalIdIsItsDatabaseIdForAnyType() {
        assertThat(Ids.parse("42", NodeType.MOVIE)).isEqualTo(42L);
        assertThat(Ids.parse(" 7 ", NodeType.GENRE)).isEqualTo(7L);
        assertThat(Ids.parse(9L, NodeType.USER)).isEqualTo(9L);
        assertThat(Ids.parse(String.valueOf(Long.MAX_VALUE), NodeType.PERSON)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void anotherTypesGlobalIdIsInvalid() {
        String genre = Ids.global(NodeType.GENRE, 5);
        assertThatThrownBy(() -> Ids.parse(genre, NodeType.MOVIE)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ID);
            assertThat(e.getMessage()).contains("'" + genre + "'", "Genre", "Movie");
        });
    }

    @Test
    void aPlainNumberNamesNoTypeSoIsNoGlobalId() {
        assertThatThrownBy(() -> Ids.parseGlobal("42")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ID));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "0", "-3", "abc", "1.5", "0x10", "9223372036854775808", "4 2",
            // padded, standard alphabet, unknown type, zero, leading zero, sign, no number, lower-case type:
            "TW92aWU6MTIz=", "TW92aWU6MTIz\u003d\u003d", "TW92aWU+MTIz", "RmlsbToz", "TW92aWU6MA", "TW92aWU6MDE",
            "TW92aWU6KzE", "TW92aWU6", "bW92aWU6MQ", "TW92aWU6MTIzOjQ", "TW92aWU6MTIy_", "TW92aWU6MTJ"})
    void anythingElseIsInvalid(String id) {
        assertThatThrownBy(() -> Ids.parse(id, NodeType.MOVIE)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ID);
            assertThat(e.getMessage()).contains("'" + id.trim() + "'");
        });
    }

    @Test
    void noIdIsInvalid() {
        assertThatThrownBy(() -> Ids.parse(null, NodeType.MOVIE)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ID));
    }

    @Test
    void aLongTextIsShortenedInTheMessage() {
        String id = "x".repeat(500);
        assertThatThrownBy(() -> Ids.parse(id, NodeType.MOVIE)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getMessage()).contains("x".repeat(40) + "…'").doesNotContain("x".repeat(41)));
    }
}
