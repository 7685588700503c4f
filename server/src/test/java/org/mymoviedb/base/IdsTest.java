package org.mymoviedb.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An ID is a positive database id in decimal; anything else is INVALID_ID, with the text (shortened) named. */
class IdsTest {

    @Test
    void aDecimalIdIsItsDatabaseId() {
        assertThat(Ids.parse("42")).isEqualTo(42L);
        assertThat(Ids.parse(" 7 ")).isEqualTo(7L);
        assertThat(Ids.parse(9L)).isEqualTo(9L);
        assertThat(Ids.parse(String.valueOf(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "0", "-3", "abc", "1.5", "0x10", "9223372036854775808", "4 2"})
    void anythingElseIsInvalid(String id) {
        assertThatThrownBy(() -> Ids.parse(id)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ID);
            assertThat(e.getMessage()).contains("'" + id.trim() + "'");
        });
    }

    @Test
    void noIdIsInvalid() {
        assertThatThrownBy(() -> Ids.parse(null)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ID));
    }

    @Test
    void aLongTextIsShortenedInTheMessage() {
        String id = "x".repeat(500);
        assertThatThrownBy(() -> Ids.parse(id)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getMessage()).contains("x".repeat(40) + "…'").doesNotContain("x".repeat(41)));
    }
}
